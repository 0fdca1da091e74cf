namespace GAgent.Channels;

/// <summary>A message a user sent through a channel.</summary>
public sealed record InboundMessage
{
    /// <summary>The channel it arrived on (<see cref="IChannel.Name"/>).</summary>
    public required string ChannelName { get; init; }

    /// <summary>The sender's id on the channel; the allow-from policy matches it.</summary>
    public required string SenderId { get; init; }

    /// <summary>The sender's display name, if the channel knows it.</summary>
    public string? SenderDisplayName { get; init; }

    /// <summary>
    /// The channel's conversation (chat, thread, room) id. Each conversation maps to one session, see
    /// <see cref="ChannelSessionIds.For"/>.
    /// </summary>
    public required string ConversationId { get; init; }

    /// <summary>The text the user sent.</summary>
    public required string Text { get; init; }

    /// <summary>
    /// Media attached to the message: ids of files the channel saved with <c>IMediaStore.SaveAsync</c> (which sniffs
    /// and checks their type). The model sees images as images and text documents inlined; at most 16.
    /// </summary>
    public IReadOnlyList<string> MediaRefs { get; init; } = [];

    /// <summary>When the channel received the message.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// The session to talk in, for channels whose users pick sessions themselves (the WebSocket, a web chat); it must
    /// exist. Null maps <see cref="ConversationId"/> to a session with <see cref="ChannelSessionIds.For"/>.
    /// </summary>
    public string? SessionId { get; init; }

    /// <summary>The model or profile to answer with; null uses the session's.</summary>
    public string? ModelId { get; init; }

    /// <summary>
    /// False for a channel that shows the run's events itself (it follows the run named by
    /// <see cref="DispatchResult.RunId"/>): the reply is then not sent through <see cref="IChannel.SendAsync"/>.
    /// </summary>
    public bool DeliverReply { get; init; } = true;

    /// <summary>The channel's own id of the message, used as the reply-to of the answer.</summary>
    public string? ClientMessageId { get; init; }
}
