namespace GAgent.Channels;

/// <summary>The text formatting a channel renders.</summary>
public enum ChannelMarkup
{
    /// <summary>Plain text; markup characters are shown as typed.</summary>
    PlainText,

    /// <summary>Markdown (code fences, emphasis, links).</summary>
    Markdown,

    /// <summary>A subset of HTML.</summary>
    Html,
}
