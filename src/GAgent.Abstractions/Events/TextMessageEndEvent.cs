namespace GAgent.Events;

/// <summary>AG-UI <c>TEXT_MESSAGE_END</c>: an assistant message is complete.</summary>
public sealed record TextMessageEndEvent : AgentEvent
{
    /// <summary>The message that ended.</summary>
    public required string MessageId { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.TextMessageEnd;
}
