namespace GAgent.Routines;

/// <summary>Keeps routines in memory only (tests, throwaway hosts): everything is lost when the process ends. Thread-safe.</summary>
public sealed class InMemoryRoutineStore : IRoutineStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Routine> _routines = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Routine>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<Routine>>(RoutineOrder.Sort(_routines.Values));
        }
    }

    /// <inheritdoc />
    public ValueTask<Routine?> GetAsync(string routineId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(routineId is not null && _routines.TryGetValue(routineId, out var routine) ? routine : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<Routine> CreateAsync(Routine routine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(routine);
        RoutineIds.Validate(routine.Id, nameof(routine));
        lock (_gate)
        {
            if (!_routines.TryAdd(routine.Id, routine))
            {
                throw new RoutineAlreadyExistsException(routine.Id);
            }
        }

        return ValueTask.FromResult(routine);
    }

    /// <inheritdoc />
    public ValueTask<Routine> UpdateAsync(string routineId, RoutineDefinition definition, DateTimeOffset? nextRunAt, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return ValueTask.FromResult(Change(routineId, r => r with { Definition = definition, NextRunAt = nextRunAt, UpdatedAt = updatedAt }) ?? throw new RoutineNotFoundException(routineId));
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string routineId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(routineId is not null && _routines.Remove(routineId));
        }
    }

    /// <inheritdoc />
    public ValueTask<Routine?> TryClaimAsync(string routineId, DateTimeOffset occurrence, DateTimeOffset? nextRunAt, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Change(routineId, r => r.NextRunAt == occurrence ? r with { LastScheduledFor = occurrence, NextRunAt = nextRunAt } : null));

    /// <inheritdoc />
    public ValueTask<Routine?> RecordRunAsync(string routineId, RoutineRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ValueTask.FromResult(Change(routineId, r => r with { LastRun = run }));
    }

    private Routine? Change(string routineId, Func<Routine, Routine?> change)
    {
        lock (_gate)
        {
            if (routineId is null || !_routines.TryGetValue(routineId, out var current) || change(current) is not { } changed)
            {
                return null;
            }

            _routines[routineId] = changed;
            return changed;
        }
    }
}
