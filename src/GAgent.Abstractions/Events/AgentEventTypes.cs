namespace GAgent.Events;

/// <summary>The AG-UI event type names used on the wire.</summary>
public static class AgentEventTypes
{
    /// <summary>A run began.</summary>
    public const string RunStarted = "RUN_STARTED";
    /// <summary>A run ended normally, or paused on an interrupt (approval).</summary>
    public const string RunFinished = "RUN_FINISHED";
    /// <summary>A run failed or was stopped.</summary>
    public const string RunError = "RUN_ERROR";
    /// <summary>An assistant message began.</summary>
    public const string TextMessageStart = "TEXT_MESSAGE_START";
    /// <summary>A fragment of assistant text.</summary>
    public const string TextMessageContent = "TEXT_MESSAGE_CONTENT";
    /// <summary>An assistant message ended.</summary>
    public const string TextMessageEnd = "TEXT_MESSAGE_END";
    /// <summary>The model called a tool.</summary>
    public const string ToolCallStart = "TOOL_CALL_START";
    /// <summary>A fragment of a tool call's JSON arguments.</summary>
    public const string ToolCallArgs = "TOOL_CALL_ARGS";
    /// <summary>A tool call's arguments are complete.</summary>
    public const string ToolCallEnd = "TOOL_CALL_END";
    /// <summary>A server-side tool returned its result.</summary>
    public const string ToolCallResult = "TOOL_CALL_RESULT";
    /// <summary>The model began reasoning.</summary>
    public const string ReasoningStart = "REASONING_START";
    /// <summary>A reasoning message began.</summary>
    public const string ReasoningMessageStart = "REASONING_MESSAGE_START";
    /// <summary>A fragment of reasoning text.</summary>
    public const string ReasoningMessageContent = "REASONING_MESSAGE_CONTENT";
    /// <summary>A reasoning message ended.</summary>
    public const string ReasoningMessageEnd = "REASONING_MESSAGE_END";
    /// <summary>The model finished reasoning.</summary>
    public const string ReasoningEnd = "REASONING_END";
    /// <summary>An application event; GAgent's own use names starting with <c>gagent.</c>.</summary>
    public const string Custom = "CUSTOM";
}
