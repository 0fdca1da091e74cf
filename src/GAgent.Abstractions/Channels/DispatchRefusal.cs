namespace GAgent.Channels;

/// <summary>Why an inbound message did not start a run.</summary>
public enum DispatchRefusal
{
    /// <summary>The sender is not in the channel's allow-from list.</summary>
    SenderNotAllowed,

    /// <summary>The conversation's session already has an active run.</summary>
    SessionBusy,

    /// <summary>The gateway runs its maximum number of concurrent runs.</summary>
    TooManyRuns,

    /// <summary>The channel is disabled or not running.</summary>
    ChannelUnavailable,

    /// <summary>The message named a <see cref="InboundMessage.SessionId"/> that does not exist.</summary>
    SessionNotFound,
}
