namespace GAgent.Channels;

/// <summary>What a channel can carry and render.</summary>
public sealed record ChannelCapabilities
{
    /// <summary>True when the channel can edit a message it already sent (progressive replies).</summary>
    public bool SupportsStreamingEdits { get; init; }

    /// <summary>True when the channel can send media (images, files).</summary>
    public bool SupportsMediaSend { get; init; }

    /// <summary>True when the channel receives media from users.</summary>
    public bool SupportsMediaReceive { get; init; }

    /// <summary>The longest text one message may carry; longer replies are split. Null means no limit.</summary>
    public int? MaxTextLength { get; init; }

    /// <summary>The formatting the channel renders.</summary>
    public ChannelMarkup Markup { get; init; } = ChannelMarkup.PlainText;
}
