namespace GAgent.Events;

/// <summary>AG-UI <c>REASONING_START</c>.</summary>
public sealed record ReasoningStartEvent : AgentEvent
{
    /// <summary>Id of the reasoning message.</summary>
    public required string MessageId { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.ReasoningStart;
}
