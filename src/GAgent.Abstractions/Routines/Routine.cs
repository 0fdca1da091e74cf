namespace GAgent.Routines;

/// <summary>A stored routine: a scheduled prompt, with its schedule state and last run.</summary>
public sealed record Routine
{
    /// <summary>The id (see <see cref="RoutineIds"/>).</summary>
    public required string Id { get; init; }

    /// <summary>What it does and when.</summary>
    public required RoutineDefinition Definition { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its definition last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The next occurrence the scheduler will run; null when disabled or when the schedule has no further occurrence.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    /// <summary>The last occurrence claimed by the scheduler. Claimed occurrences never run again, even across restarts.</summary>
    public DateTimeOffset? LastScheduledFor { get; init; }

    /// <summary>The last run, scheduled or manual.</summary>
    public RoutineRun? LastRun { get; init; }
}
