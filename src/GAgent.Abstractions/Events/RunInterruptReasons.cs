namespace GAgent.Events;

/// <summary>Well-known <see cref="RunInterrupt.Reason"/> values.</summary>
public static class RunInterruptReasons
{
    /// <summary>A tool call waits for the owner's approval.</summary>
    public const string ApprovalRequired = "approval_required";
}
