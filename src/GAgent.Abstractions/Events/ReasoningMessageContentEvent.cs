namespace GAgent.Events;

/// <summary>AG-UI <c>REASONING_MESSAGE_CONTENT</c>: a fragment of the model's visible reasoning.</summary>
public sealed record ReasoningMessageContentEvent : AgentEvent
{
    /// <summary>Id of the reasoning message.</summary>
    public required string MessageId { get; init; }

    /// <summary>The reasoning fragment.</summary>
    public required string Delta { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.ReasoningMessageContent;
}
