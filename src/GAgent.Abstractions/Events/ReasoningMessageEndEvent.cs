namespace GAgent.Events;

/// <summary>AG-UI <c>REASONING_MESSAGE_END</c>.</summary>
public sealed record ReasoningMessageEndEvent : AgentEvent
{
    /// <summary>Id of the reasoning message.</summary>
    public required string MessageId { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.ReasoningMessageEnd;
}
