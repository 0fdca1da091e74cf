using GAgent.Configuration;
using GAgent.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GAgent.Routines;

/// <summary>
/// Fires routines at their occurrences. Sleeps until the earliest <see cref="Routine.NextRunAt"/> (or until a routine
/// changes), then for each due routine claims the occurrence in the store before starting its run, so an occurrence
/// runs at most once, across restarts too. Occurrences missed while the host was down run once
/// (<see cref="RoutineCatchUpPolicy.Once"/>) or not at all (<see cref="RoutineCatchUpPolicy.None"/>); several
/// missed or late occurrences never run as a burst.
/// </summary>
internal sealed class RoutineScheduler(
    IRoutineStore store,
    RoutineExecutor executor,
    RoutineEvents events,
    RoutineSignal signal,
    IAgentRunner runner,
    IOptionsMonitor<GAgentOptions> options,
    TimeProvider time,
    ILogger<RoutineScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromHours(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private TaskCompletionSource _slept = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sleeps;
    private DateTimeOffset? _nextWake;

    /// <summary>How often the scheduler has gone to sleep (tests wait on it before moving their clock).</summary>
    internal int SleepCount
    {
        get
        {
            lock (_gate)
            {
                return _sleeps;
            }
        }
    }

    /// <summary>When the scheduler plans to wake next; null while awake or with nothing scheduled within the hour.</summary>
    internal DateTimeOffset? NextWake
    {
        get
        {
            lock (_gate)
            {
                return _nextWake;
            }
        }
    }

    /// <summary>Completes once the scheduler has gone to sleep at least <paramref name="count"/> times.</summary>
    internal async Task WaitForSleepAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task slept;
            lock (_gate)
            {
                if (_sleeps >= count)
                {
                    return;
                }

                slept = _slept.Task;
            }

            await slept.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Routines.Enabled)
        {
            logger.SchedulerDisabled();
            return;
        }

        await Task.Yield();
        var startedAt = time.GetUtcNow();
        try
        {
            await CloseStaleRunsAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.SchedulerFailed(TimeSpan.Zero, ex);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = signal.Changed;
            DateTimeOffset? wake;
            try
            {
                wake = await TickAsync(startedAt, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.SchedulerFailed(RetryDelay, ex);
                wake = time.GetUtcNow() + RetryDelay;
            }

            var delay = wake is { } at ? at - time.GetUtcNow() : MaxSleep;
            if (delay <= TimeSpan.Zero)
            {
                continue;
            }

            if (delay > MaxSleep)
            {
                delay = MaxSleep;
            }

            using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var sleep = Task.Delay(delay, time, sleeping.Token);
            Slept(wake is { } w && w - time.GetUtcNow() <= MaxSleep ? w : null);
            await Task.WhenAny(sleep, changed).ConfigureAwait(false);
            await sleeping.CancelAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _nextWake = null;
            }
        }
    }

    /// <summary>Runs every due routine once and returns the earliest next occurrence.</summary>
    private async Task<DateTimeOffset?> TickAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? earliest = null;
        foreach (var routine in await store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!routine.Definition.Enabled || routine.NextRunAt is not { } due)
            {
                continue;
            }

            if (due > now)
            {
                earliest = Min(earliest, due);
                continue;
            }

            var next = NextAfter(routine, due, now);
            var missed = due < startedAt;
            var claimed = await store.TryClaimAsync(routine.Id, due, next, cancellationToken).ConfigureAwait(false);
            if (claimed is null)
            {
                // Edited or deleted meanwhile: the change woke the signal and the next pass reads it again.
                continue;
            }

            events.Updated(claimed);
            if (missed && options.CurrentValue.Routines.CatchUp == RoutineCatchUpPolicy.None)
            {
                logger.MissedSkipped(routine.Id, due);
            }
            else
            {
                await executor.StartScheduledAsync(claimed, missed ? RoutineRunTrigger.CatchUp : RoutineRunTrigger.Schedule, due, cancellationToken).ConfigureAwait(false);
            }

            if (next is { } following)
            {
                earliest = Min(earliest, following);
            }
        }

        return earliest;
    }

    /// <summary>The occurrence after <paramref name="due"/>; when that is already past too, the first one after now (no burst).</summary>
    private DateTimeOffset? NextAfter(Routine routine, DateTimeOffset due, DateTimeOffset now)
    {
        try
        {
            var schedule = routine.Definition.Schedule;
            var next = schedule.GetNextOccurrence(due);
            return next is { } n && n <= now ? schedule.GetNextOccurrence(now) : next;
        }
        catch (ArgumentException ex)
        {
            logger.ScheduleBroken(routine.Id, ex);
            return null;
        }
    }

    /// <summary>A run recorded as running whose run is unknown here was cut short by a restart: record it as failed.</summary>
    private async Task CloseStaleRunsAsync(CancellationToken cancellationToken)
    {
        foreach (var routine in await store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (routine.LastRun is { Status: RoutineRunStatus.Running } last && (last.RunId is null || runner.GetRun(last.RunId) is null))
            {
                logger.StaleRunClosed(routine.Id, last.RunId);
                var closed = last with { Status = RoutineRunStatus.Failed, FinishedAt = time.GetUtcNow(), Error = "The host stopped before the run finished." };
                if (await store.RecordRunAsync(routine.Id, closed, cancellationToken).ConfigureAwait(false) is { } updated)
                {
                    events.Run(routine.Id, closed);
                    events.Updated(updated);
                }
            }
        }
    }

    private void Slept(DateTimeOffset? wake)
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            _sleeps++;
            _nextWake = wake;
            previous = _slept;
            _slept = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private static DateTimeOffset Min(DateTimeOffset? current, DateTimeOffset candidate) => current is { } c && c < candidate ? c : candidate;
}
