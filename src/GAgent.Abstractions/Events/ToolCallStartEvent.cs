namespace GAgent.Events;

/// <summary>AG-UI <c>TOOL_CALL_START</c>: the model called a tool.</summary>
public sealed record ToolCallStartEvent : AgentEvent
{
    /// <summary>The call id chosen by the model.</summary>
    public required string ToolCallId { get; init; }

    /// <summary>The tool's name.</summary>
    public required string ToolCallName { get; init; }

    /// <summary>The assistant message that carries the call.</summary>
    public string? ParentMessageId { get; init; }

    /// <summary>
    /// True when the tool was declared by the client (for example in an OpenAI request's <c>tools</c>): the server
    /// never runs it, the run ends and the client runs it. False for the agent's own tools, which run on the server.
    /// </summary>
    public bool ClientSide { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.ToolCallStart;
}
