namespace GAgent.Events;

/// <summary>AG-UI <c>TOOL_CALL_RESULT</c>: a server-side tool returned (or failed; then <see cref="IsError"/> is set).</summary>
public sealed record ToolCallResultEvent : AgentEvent
{
    /// <summary>Id of the tool message stored in the session.</summary>
    public required string MessageId { get; init; }

    /// <summary>The call this result answers.</summary>
    public required string ToolCallId { get; init; }

    /// <summary>The result as the model sees it (JSON or text).</summary>
    public required string Content { get; init; }

    /// <summary>True when the tool failed, timed out or was cancelled; <see cref="Content"/> then says why.</summary>
    public bool IsError { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.ToolCallResult;
}
