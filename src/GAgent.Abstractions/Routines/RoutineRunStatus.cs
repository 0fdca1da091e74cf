namespace GAgent.Routines;

/// <summary>The outcome of one routine run.</summary>
public enum RoutineRunStatus
{
    /// <summary>The run was started and has not ended yet.</summary>
    Running,
    /// <summary>The run ended with the agent's answer (for a channel target, handed to the channel's reply path).</summary>
    Completed,
    /// <summary>The run paused for an approval.</summary>
    Interrupted,
    /// <summary>The run could not start or failed, or its target channel was not running; see <see cref="RoutineRun.Error"/>.</summary>
    Failed,
    /// <summary>The run was stopped.</summary>
    Cancelled,
    /// <summary>
    /// Not started: the target session already had an active run (and runs are not queued), or too many runs were
    /// active. The occurrence is not retried; the next one runs as usual.
    /// </summary>
    SkippedBusy,
}
