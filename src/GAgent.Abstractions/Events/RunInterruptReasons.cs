namespace GAgent.Events;

/// <summary>Well-known <see cref="RunInterrupt.Reason"/> values.</summary>
public static class RunInterruptReasons
{
    /// <summary>A tool call waits for the owner's approval.</summary>
    public const string ApprovalRequired = "approval_required";

    /// <summary>The model called a tool that the client declared; the client runs it and sends the result back.</summary>
    public const string ClientToolCall = "client_tool_call";
}
