namespace GAgent.Events;

/// <summary>AG-UI <c>REASONING_END</c>.</summary>
public sealed record ReasoningEndEvent : AgentEvent
{
    /// <summary>Id of the reasoning message.</summary>
    public required string MessageId { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.ReasoningEnd;
}
