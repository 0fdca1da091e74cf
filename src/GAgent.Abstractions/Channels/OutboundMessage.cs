namespace GAgent.Channels;

/// <summary>A message the agent sends through a channel (a reply, or one part of a long reply).</summary>
public sealed record OutboundMessage
{
    /// <summary>The channel to send on.</summary>
    public required string ChannelName { get; init; }

    /// <summary>The conversation to send to.</summary>
    public required string ConversationId { get; init; }

    /// <summary>The text, already fitted to <see cref="ChannelCapabilities.MaxTextLength"/>.</summary>
    public required string Text { get; init; }

    /// <summary>Media to send (media ids or URLs).</summary>
    public IReadOnlyList<string> MediaRefs { get; init; } = [];

    /// <summary>The inbound <see cref="InboundMessage.ClientMessageId"/> this answers, if any.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The run that produced the message.</summary>
    public string? RunId { get; init; }

    /// <summary>False while more parts or edits of the same reply follow; true on the last one.</summary>
    public bool IsFinal { get; init; } = true;

    /// <summary>For channels with streaming edits: the channel message id this message replaces.</summary>
    public string? EditOf { get; init; }

    /// <summary>The 1-based index of this part when a long reply is split.</summary>
    public int PartIndex { get; init; } = 1;

    /// <summary>How many parts the reply was split into.</summary>
    public int PartCount { get; init; } = 1;
}
