namespace GAgent.Routines;

/// <summary>What happened the last time a routine ran.</summary>
public sealed record RoutineRun
{
    /// <summary>The run id, when a run was started.</summary>
    public string? RunId { get; init; }

    /// <summary>The session the run went to.</summary>
    public string? SessionId { get; init; }

    /// <summary>Why it ran.</summary>
    public RoutineRunTrigger Trigger { get; init; }

    /// <summary>The occurrence it ran for (null for manual runs).</summary>
    public DateTimeOffset? ScheduledFor { get; init; }

    /// <summary>When it was started (or skipped).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended, once it has.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Its state.</summary>
    public required RoutineRunStatus Status { get; init; }

    /// <summary>What went wrong, for failed and skipped runs.</summary>
    public string? Error { get; init; }
}
