namespace GAgent.Events;

/// <summary>AG-UI <c>REASONING_MESSAGE_START</c>.</summary>
public sealed record ReasoningMessageStartEvent : AgentEvent
{
    /// <summary>Id of the reasoning message.</summary>
    public required string MessageId { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.ReasoningMessageStart;
}
