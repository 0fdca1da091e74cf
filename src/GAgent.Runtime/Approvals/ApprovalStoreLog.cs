using Microsoft.Extensions.Logging;

namespace GAgent.Approvals;

/// <summary>Log messages of the approvals area (event ids 1700-1799).</summary>
internal static partial class ApprovalStoreLog
{
    [LoggerMessage(1700, LogLevel.Warning, "Approval file {FileName} could not be read and is ignored.")]
    public static partial void ApprovalFileUnreadable(this ILogger logger, string fileName, Exception exception);

    [LoggerMessage(1701, LogLevel.Information, "Run {RunId} paused: tool {ToolName} waits for approval {ApprovalId}.")]
    public static partial void ApprovalRequested(this ILogger logger, string runId, string toolName, string approvalId);

    [LoggerMessage(1702, LogLevel.Information, "Approval {ApprovalId} is now {Status}.")]
    public static partial void ApprovalResolved(this ILogger logger, string approvalId, string status);

    [LoggerMessage(1703, LogLevel.Warning, "Approval {ApprovalId} was decided, but its run could not continue in session {SessionId}.")]
    public static partial void ContinuationFailed(this ILogger logger, string approvalId, string sessionId, Exception exception);

    [LoggerMessage(1704, LogLevel.Information, "Approval {ApprovalId} expired at startup: {Reason}")]
    public static partial void ExpiredAtStartup(this ILogger logger, string approvalId, string reason);
}
