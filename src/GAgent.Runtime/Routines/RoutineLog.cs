using Microsoft.Extensions.Logging;

namespace GAgent.Routines;

/// <summary>Source-generated log messages of routines (event ids 1900-1999). Prompts are never logged.</summary>
internal static partial class RoutineLog
{
    [LoggerMessage(1900, LogLevel.Warning, "Routine file {FileName} could not be read and is ignored.")]
    public static partial void RoutineFileUnreadable(this ILogger logger, string fileName, Exception exception);

    [LoggerMessage(1901, LogLevel.Debug, "Removed {Count} temporary routine files left by interrupted writes.")]
    public static partial void TempFilesRemoved(this ILogger logger, int count);

    [LoggerMessage(1902, LogLevel.Information, "Routine {RoutineId} started run {RunId} in session {SessionId} ({Trigger}).")]
    public static partial void RunStarted(this ILogger logger, string routineId, string runId, string sessionId, RoutineRunTrigger trigger);

    [LoggerMessage(1903, LogLevel.Information, "Routine {RoutineId} run {RunId} ended: {Status}.")]
    public static partial void RunFinished(this ILogger logger, string routineId, string? runId, RoutineRunStatus status);

    [LoggerMessage(1904, LogLevel.Warning, "Routine {RoutineId} did not run for {ScheduledFor}: {Status} {Error}")]
    public static partial void RunNotStarted(this ILogger logger, string routineId, DateTimeOffset? scheduledFor, RoutineRunStatus status, string? error);

    [LoggerMessage(1905, LogLevel.Information, "Routine {RoutineId} missed {ScheduledFor} while the host was down; catch-up policy None skips it.")]
    public static partial void MissedSkipped(this ILogger logger, string routineId, DateTimeOffset scheduledFor);

    [LoggerMessage(1906, LogLevel.Error, "The routine scheduler failed; it retries in {Delay}.")]
    public static partial void SchedulerFailed(this ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(1907, LogLevel.Warning, "Routine {RoutineId}'s schedule cannot be computed; it stays unscheduled until edited.")]
    public static partial void ScheduleBroken(this ILogger logger, string routineId, Exception exception);

    [LoggerMessage(1908, LogLevel.Information, "The routine scheduler is disabled by configuration (GAgent:Routines:Enabled = false).")]
    public static partial void SchedulerDisabled(this ILogger logger);

    [LoggerMessage(1909, LogLevel.Warning, "Routine {RoutineId}'s last run {RunId} was interrupted by a restart.")]
    public static partial void StaleRunClosed(this ILogger logger, string routineId, string? runId);

    [LoggerMessage(1910, LogLevel.Error, "Routine {RoutineId}: recording the end of a run failed.")]
    public static partial void RecordFailed(this ILogger logger, string routineId, Exception exception);
}
