namespace GAgent.Routines;

/// <summary>
/// Persistent routines. Implementations are thread-safe and pass the shared conformance suite; the default keeps one
/// JSON file per routine, and an in-memory store serves tests. The store keeps what it is given: validation, schedule
/// computation and clocks belong to the caller.
/// </summary>
public interface IRoutineStore
{
    /// <summary>Every routine, oldest first (by <see cref="Routine.CreatedAt"/>, then id).</summary>
    ValueTask<IReadOnlyList<Routine>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a routine, or null when it does not exist (or the id is not valid).</summary>
    ValueTask<Routine?> GetAsync(string routineId, CancellationToken cancellationToken = default);

    /// <summary>Stores a new routine as given.</summary>
    /// <exception cref="ArgumentException">The id is not a valid routine id.</exception>
    /// <exception cref="RoutineAlreadyExistsException">A routine with the id exists.</exception>
    ValueTask<Routine> CreateAsync(Routine routine, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a routine's definition, next occurrence and update time, keeping its creation time, claimed occurrence
    /// and last run.
    /// </summary>
    /// <exception cref="RoutineNotFoundException">The routine does not exist.</exception>
    ValueTask<Routine> UpdateAsync(string routineId, RoutineDefinition definition, DateTimeOffset? nextRunAt, DateTimeOffset updatedAt, CancellationToken cancellationToken = default);

    /// <summary>Deletes a routine. Returns false when it did not exist.</summary>
    ValueTask<bool> DeleteAsync(string routineId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the occurrence <paramref name="occurrence"/> atomically and durably: only when the routine's
    /// <see cref="Routine.NextRunAt"/> is still <paramref name="occurrence"/> does it set
    /// <see cref="Routine.LastScheduledFor"/> to it and <see cref="Routine.NextRunAt"/> to <paramref name="nextRunAt"/>.
    /// Returns the updated routine, or null when the routine is gone or the occurrence was already claimed or rescheduled,
    /// so an occurrence runs at most once.
    /// </summary>
    ValueTask<Routine?> TryClaimAsync(string routineId, DateTimeOffset occurrence, DateTimeOffset? nextRunAt, CancellationToken cancellationToken = default);

    /// <summary>Records the routine's last run. Returns the updated routine, or null when it no longer exists.</summary>
    ValueTask<Routine?> RecordRunAsync(string routineId, RoutineRun run, CancellationToken cancellationToken = default);
}
