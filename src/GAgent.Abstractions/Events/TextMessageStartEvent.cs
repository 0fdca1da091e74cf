namespace GAgent.Events;

/// <summary>AG-UI <c>TEXT_MESSAGE_START</c>: an assistant message begins.</summary>
public sealed record TextMessageStartEvent : AgentEvent
{
    /// <summary>Id of the message; the same id appears on its content and end events and in the session store.</summary>
    public required string MessageId { get; init; }

    /// <summary>Always <c>assistant</c> today.</summary>
    public string Role { get; init; } = "assistant";

    /// <inheritdoc />
    public override string Type => AgentEventTypes.TextMessageStart;
}
