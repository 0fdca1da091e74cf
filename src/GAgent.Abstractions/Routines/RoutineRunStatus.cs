namespace GAgent.Routines;

/// <summary>The outcome of one routine run.</summary>
public enum RoutineRunStatus
{
    /// <summary>The run was started and has not ended yet.</summary>
    Running,
    /// <summary>The run ended with the agent's answer (and, for a channel target, the answer was delivered).</summary>
    Completed,
    /// <summary>The run paused for an approval.</summary>
    Interrupted,
    /// <summary>The run could not start or failed, or its answer could not be delivered; see <see cref="RoutineRun.Error"/>.</summary>
    Failed,
    /// <summary>The run was stopped.</summary>
    Cancelled,
    /// <summary>
    /// Not started: the target session already had an active run (and runs are not queued), or too many runs were
    /// active. The occurrence is not retried; the next one runs as usual.
    /// </summary>
    SkippedBusy,
}
