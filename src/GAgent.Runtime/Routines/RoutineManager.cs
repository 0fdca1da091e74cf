using GAgent.Channels;
using GAgent.Models;
using GAgent.Runs;
using GAgent.Sessions;

namespace GAgent.Routines;

/// <summary>
/// The routine operations behind the control API: validates definitions (schedule, target, model), computes the next
/// occurrence, stores, publishes <c>gagent.routine.*</c> events, wakes the scheduler, and starts runs on demand.
/// </summary>
internal sealed class RoutineManager(
    IRoutineStore store,
    ISessionStore sessions,
    IModelCatalog models,
    ChannelManager channels,
    RoutineExecutor executor,
    RoutineEvents events,
    RoutineSignal signal,
    TimeProvider time)
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest prompt accepted.</summary>
    public const int MaxPromptLength = 100_000;

    /// <summary>The longest channel chat id accepted.</summary>
    public const int MaxChatIdLength = 256;

    public ValueTask<IReadOnlyList<Routine>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public ValueTask<Routine?> GetAsync(string routineId, CancellationToken cancellationToken) => store.GetAsync(routineId, cancellationToken);

    /// <exception cref="ArgumentException">The id or the definition is invalid; the parameter name is the field at fault.</exception>
    /// <exception cref="RoutineAlreadyExistsException">The id is taken.</exception>
    public async Task<Routine> CreateAsync(string? routineId, RoutineDefinition definition, CancellationToken cancellationToken)
    {
        var id = routineId ?? RoutineIds.New();
        RoutineIds.Validate(id, "id");
        (definition, var next) = await ValidateAsync(definition, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var routine = await store.CreateAsync(
            new Routine { Id = id, Definition = definition, CreatedAt = now, UpdatedAt = now, NextRunAt = definition.Enabled ? next : null },
            cancellationToken).ConfigureAwait(false);
        Changed(routine);
        return routine;
    }

    /// <summary>
    /// Replaces the definition. The next occurrence is recomputed from now when the schedule changed or the routine was
    /// enabled; otherwise (a new name, prompt or target) the planned occurrence stays.
    /// </summary>
    /// <exception cref="RoutineNotFoundException">No routine has the id.</exception>
    /// <exception cref="ArgumentException">The definition is invalid.</exception>
    public async Task<Routine> UpdateAsync(string routineId, RoutineDefinition definition, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(routineId, cancellationToken).ConfigureAwait(false) ?? throw new RoutineNotFoundException(routineId);
        (definition, var next) = await ValidateAsync(definition, cancellationToken).ConfigureAwait(false);
        var keep = existing.Definition.Enabled && existing.NextRunAt is not null && existing.Definition.Schedule == definition.Schedule;
        var nextRunAt = !definition.Enabled ? null : keep ? existing.NextRunAt : next;
        var routine = await store.UpdateAsync(routineId, definition, nextRunAt, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Changed(routine);
        return routine;
    }

    public async Task<bool> DeleteAsync(string routineId, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(routineId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        events.Deleted(routineId);
        signal.Set();
        return true;
    }

    /// <summary>Starts a run now, whatever the schedule says (disabled routines too); the schedule is not touched.</summary>
    /// <exception cref="RoutineNotFoundException">No routine has the id.</exception>
    /// <exception cref="SessionBusyException">The target session has an active run and runs are not queued.</exception>
    public async Task<IAgentRun> RunNowAsync(string routineId, CancellationToken cancellationToken)
    {
        var routine = await store.GetAsync(routineId, cancellationToken).ConfigureAwait(false) ?? throw new RoutineNotFoundException(routineId);
        return await executor.StartAsync(routine, cancellationToken).ConfigureAwait(false);
    }

    private void Changed(Routine routine)
    {
        events.Updated(routine);
        signal.Set();
    }

    /// <summary>Validates the definition and returns it (channel name as registered) with its next occurrence from now.</summary>
    private async Task<(RoutineDefinition Definition, DateTimeOffset Next)> ValidateAsync(RoutineDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Length > MaxNameLength)
        {
            throw Invalid($"'name' is required: 1 to {MaxNameLength} characters.", "name");
        }

        if (string.IsNullOrWhiteSpace(definition.Prompt) || definition.Prompt.Length > MaxPromptLength)
        {
            throw Invalid($"'prompt' is required: the message sent on every run, at most {MaxPromptLength} characters.", "prompt");
        }

        if (definition.Schedule is null)
        {
            throw Invalid("'schedule' is required: {\"cron\": \"0 9 * * MON-FRI\", \"timeZone\": \"Europe/Berlin\"} or {\"intervalSeconds\": 3600}.", "schedule");
        }

        definition.Schedule.Validate();
        var next = definition.Schedule.GetNextOccurrence(time.GetUtcNow())
            ?? throw Invalid($"The cron expression '{definition.Schedule.Cron}' never occurs (for example the 30th of February); fix the day or the month.", "schedule.cron");

        var target = await ValidateTargetAsync(definition.Target, cancellationToken).ConfigureAwait(false);
        if (definition.ModelId is { } model && !models.TryGetModel(model, out _))
        {
            throw Invalid($"Model '{model}' is not configured; list models with GET /v1/models.", "model");
        }

        return (definition with { Target = target }, next);
    }

    private async Task<RoutineTarget> ValidateTargetAsync(RoutineTarget? target, CancellationToken cancellationToken)
    {
        if (target is null || (target.SessionId is null) == (target.ChannelName is null))
        {
            throw Invalid("'target' needs exactly one of {\"sessionId\": \"...\"} or {\"channel\": \"...\", \"chatId\": \"...\"}.", "target");
        }

        if (target.SessionId is { } sessionId)
        {
            if (target.ChatId is not null)
            {
                throw Invalid("'target.chatId' belongs to channel targets; remove it or name the channel.", "target.chatId");
            }

            SessionIds.Validate(sessionId, "target.sessionId");
            if (await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false) is null)
            {
                throw Invalid($"Session '{sessionId}' does not exist; create it first with POST /api/sessions.", "target.sessionId");
            }

            return target;
        }

        var channel = channels.Channels.FirstOrDefault(c => string.Equals(c.Name, target.ChannelName, StringComparison.OrdinalIgnoreCase));
        if (channel is null)
        {
            var known = string.Join(", ", channels.Channels.Select(static c => c.Name));
            throw Invalid($"No channel is named '{target.ChannelName}'{(known.Length == 0 ? "; no channels are registered" : $"; registered channels: {known}")}.", "target.channel");
        }

        if (string.IsNullOrWhiteSpace(target.ChatId) || target.ChatId.Length > MaxChatIdLength)
        {
            throw Invalid($"'target.chatId' is required for a channel target: the conversation to deliver to, 1 to {MaxChatIdLength} characters.", "target.chatId");
        }

        return target with { ChannelName = channel.Name };
    }

    // The parameter is the request field at fault, which the control API reports as the problem's 'param'.
    private static ArgumentException Invalid(string message, string field) => new(message, field);
}
