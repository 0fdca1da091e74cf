namespace GAgent.Events;

/// <summary>
/// One entry of a run's event journal. Every surface (native SSE/WebSocket, OpenAI streams, channels,
/// the session store) is a projection of this ordered sequence. Shapes follow the AG-UI protocol.
/// </summary>
public abstract record AgentEvent
{
    /// <summary>The run that produced the event.</summary>
    public required string RunId { get; init; }

    /// <summary>The session (AG-UI thread) the run belongs to.</summary>
    public required string SessionId { get; init; }

    /// <summary>Per-run, strictly increasing sequence number starting at 1; used as the SSE <c>id:</c> for resumption.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the event was produced.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The AG-UI event type name, e.g. <c>TEXT_MESSAGE_CONTENT</c>; see <see cref="AgentEventTypes"/>.</summary>
    public abstract string Type { get; }
}
