using GAgent.Channels;
using GAgent.Configuration;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GAgent.Routines;

/// <summary>
/// Starts a routine's run (its prompt as a user message authored <c>routine-{id}</c>), delivers the answer through the
/// channel for channel targets, and records the run's start and end as the routine's last run.
/// </summary>
internal sealed class RoutineExecutor(
    IAgentRunner runner,
    ISessionStore sessions,
    IRoutineStore store,
    ChannelManager channels,
    RoutineEvents events,
    IOptionsMonitor<GAgentOptions> options,
    TimeProvider time,
    ILogger<RoutineExecutor> logger)
{
    private const int MaxTitleLength = 120;
    private int _activeScheduled;

    /// <summary>The author name of the messages a routine sends.</summary>
    public static string AuthorOf(string routineId) => "routine-" + routineId;

    /// <summary>Starts a run now (run-now). Start failures are thrown to the caller and not recorded.</summary>
    public Task<IAgentRun> StartAsync(Routine routine, CancellationToken cancellationToken)
        => StartCoreAsync(routine, RoutineRunTrigger.Manual, null, counted: false, cancellationToken);

    /// <summary>Starts a scheduled run; a run that cannot start is recorded (skipped or failed), never thrown.</summary>
    public async Task StartScheduledAsync(Routine routine, RoutineRunTrigger trigger, DateTimeOffset scheduledFor, CancellationToken cancellationToken)
    {
        var max = options.CurrentValue.Routines.MaxConcurrentRoutineRuns;
        if (Interlocked.Increment(ref _activeScheduled) > max)
        {
            Interlocked.Decrement(ref _activeScheduled);
            await NotStartedAsync(routine, trigger, scheduledFor, RoutineRunStatus.SkippedBusy, $"{max} routine runs are already active (GAgent:Routines:MaxConcurrentRoutineRuns).", cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await StartCoreAsync(routine, trigger, scheduledFor, counted: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Decrement(ref _activeScheduled);
            var status = ex is SessionBusyException or RunLimitExceededException ? RoutineRunStatus.SkippedBusy : RoutineRunStatus.Failed;
            await NotStartedAsync(routine, trigger, scheduledFor, status, ex.Message, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _activeScheduled);
            throw;
        }
    }

    private async Task<IAgentRun> StartCoreAsync(Routine routine, RoutineRunTrigger trigger, DateTimeOffset? scheduledFor, bool counted, CancellationToken cancellationToken)
    {
        var definition = routine.Definition;
        var target = definition.Target;
        var sessionId = RoutineViews.SessionOf(target);
        if (target.IsChannel)
        {
            await EnsureChannelSessionAsync(target, sessionId, cancellationToken).ConfigureAwait(false);
        }

        var message = new ChatMessage(ChatRole.User, definition.Prompt) { AuthorName = AuthorOf(routine.Id) };
        var run = await runner.StartAsync(new AgentRunRequest
        {
            SessionId = sessionId,
            Messages = [message],
            ModelId = definition.ModelId,
            // A channel shows the answer as it grows; a session target is read when someone opens it.
            Delivery = target.IsChannel ? RunEventDelivery.EveryDelta : RunEventDelivery.MergedDeltas,
        }, cancellationToken).ConfigureAwait(false);
        var started = new RoutineRun
        {
            RunId = run.Id,
            SessionId = sessionId,
            Trigger = trigger,
            ScheduledFor = scheduledFor,
            StartedAt = time.GetUtcNow(),
            Status = RoutineRunStatus.Running,
        };
        logger.RunStarted(routine.Id, run.Id, sessionId, trigger);
        var delivery = target.IsChannel ? channels.DeliverAsync(target.ChannelName!, target.ChatId!, run) : null;
        try
        {
            await RecordAsync(routine.Id, started, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The run is started and owned by the registry; failing to record its start must not fail the caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.RecordFailed(routine.Id, ex);
        }

        _ = FinishAsync(routine.Id, started, run, delivery, counted);
        return run;
    }

    private async Task FinishAsync(string routineId, RoutineRun started, IAgentRun run, Task<string?>? delivery, bool counted)
    {
        try
        {
            await run.Completion.ConfigureAwait(false);
            var deliveryError = delivery is null ? null : await delivery.ConfigureAwait(false);
            var (status, error) = run.Status switch
            {
                AgentRunStatus.Completed when deliveryError is not null => (RoutineRunStatus.Failed, deliveryError),
                AgentRunStatus.Completed => (RoutineRunStatus.Completed, null),
                AgentRunStatus.Interrupted => (RoutineRunStatus.Interrupted, null),
                AgentRunStatus.Cancelled => (RoutineRunStatus.Cancelled, null),
                _ => (RoutineRunStatus.Failed, run.ErrorMessage ?? "The run failed."),
            };
            var finished = started with { Status = status, Error = error, FinishedAt = run.CompletedAt ?? time.GetUtcNow() };
            logger.RunFinished(routineId, run.Id, status);

            // A later run of the same routine may already be recorded; an older run's end must not replace it.
            var current = await store.GetAsync(routineId, CancellationToken.None).ConfigureAwait(false);
            if (current?.LastRun is { } last && last.RunId != run.Id && last.StartedAt > started.StartedAt)
            {
                events.Run(routineId, finished);
                return;
            }

            await RecordAsync(routineId, finished, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Recording the end runs detached from any caller; a failure is logged, never thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.RecordFailed(routineId, ex);
        }
        finally
        {
            if (counted)
            {
                Interlocked.Decrement(ref _activeScheduled);
            }
        }
    }

    private async Task NotStartedAsync(Routine routine, RoutineRunTrigger trigger, DateTimeOffset scheduledFor, RoutineRunStatus status, string error, CancellationToken cancellationToken)
    {
        logger.RunNotStarted(routine.Id, scheduledFor, status, error);
        var now = time.GetUtcNow();
        await RecordAsync(
            routine.Id,
            new RoutineRun { SessionId = RoutineViews.SessionOf(routine.Definition.Target), Trigger = trigger, ScheduledFor = scheduledFor, StartedAt = now, FinishedAt = now, Status = status, Error = error },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordAsync(string routineId, RoutineRun run, CancellationToken cancellationToken)
    {
        events.Run(routineId, run);
        if (await store.RecordRunAsync(routineId, run, cancellationToken).ConfigureAwait(false) is { } updated)
        {
            events.Updated(updated);
        }
    }

    private async Task EnsureChannelSessionAsync(RoutineTarget target, string sessionId, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var title = $"{target.ChannelName}: {target.ChatId}";
        try
        {
            await sessions.CreateAsync(new NewSession { Id = sessionId, Title = title.Length > MaxTitleLength ? title[..MaxTitleLength] : title }, cancellationToken).ConfigureAwait(false);
        }
        catch (SessionAlreadyExistsException)
        {
            // The conversation's first inbound message created it at the same moment.
        }
    }
}
