namespace GAgent.Channels;

/// <summary>The outcome of <see cref="IChannelContext.DispatchAsync"/>.</summary>
public sealed record DispatchResult
{
    /// <summary>True when a run was started.</summary>
    public bool Accepted => Refusal is null;

    /// <summary>The conversation's session (also set when refused for a busy session).</summary>
    public string? SessionId { get; init; }

    /// <summary>The started run.</summary>
    public string? RunId { get; init; }

    /// <summary>Why the message was refused; null when accepted.</summary>
    public DispatchRefusal? Refusal { get; init; }

    /// <summary>A description of the refusal, fit to show the sender.</summary>
    public string? RefusalMessage { get; init; }

    /// <summary>An accepted message.</summary>
    public static DispatchResult Started(string sessionId, string runId) => new() { SessionId = sessionId, RunId = runId };

    /// <summary>A refused message.</summary>
    public static DispatchResult Refused(DispatchRefusal refusal, string message, string? sessionId = null)
        => new() { Refusal = refusal, RefusalMessage = message, SessionId = sessionId };
}
