namespace GAgent.Events;

/// <summary>AG-UI <c>TEXT_MESSAGE_CONTENT</c>: a fragment of assistant text, in order.</summary>
public sealed record TextMessageContentEvent : AgentEvent
{
    /// <summary>The message the fragment belongs to.</summary>
    public required string MessageId { get; init; }

    /// <summary>The text fragment (never empty).</summary>
    public required string Delta { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.TextMessageContent;
}
