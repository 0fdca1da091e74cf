namespace GAgent.Events;

/// <summary>AG-UI <c>TOOL_CALL_ARGS</c>: a fragment of a tool call's JSON arguments.</summary>
public sealed record ToolCallArgsEvent : AgentEvent
{
    /// <summary>The call the fragment belongs to.</summary>
    public required string ToolCallId { get; init; }

    /// <summary>The JSON fragment; the concatenation of all fragments of a call is its JSON arguments object.</summary>
    public required string Delta { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.ToolCallArgs;
}
