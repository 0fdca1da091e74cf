namespace GAgent.Events;

/// <summary>AG-UI <c>TOOL_CALL_END</c>: a tool call's arguments are complete.</summary>
public sealed record ToolCallEndEvent : AgentEvent
{
    /// <summary>The call that ended.</summary>
    public required string ToolCallId { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.ToolCallEnd;
}
