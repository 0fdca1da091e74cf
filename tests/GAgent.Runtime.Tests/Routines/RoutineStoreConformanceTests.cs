using GAgent.Routines;

namespace GAgent.Runtime.Tests.Routines;

/// <summary>The behaviour every <see cref="IRoutineStore"/> must have. Each implementation's test class derives from this.</summary>
public abstract class RoutineStoreConformanceTests : IDisposable
{
    protected static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private IRoutineStore? _store;

    protected IRoutineStore Store => _store ??= CreateStore();

    protected abstract IRoutineStore CreateStore();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            (_store as IDisposable)?.Dispose();
        }
    }

    public static RoutineDefinition Definition(string name = "Morning brief", RoutineSchedule? schedule = null) => new()
    {
        Name = name,
        Prompt = "Summarise the news.",
        Schedule = schedule ?? RoutineSchedule.FromCron("0 9 * * MON-FRI", "Europe/Berlin"),
        Target = RoutineTarget.Session("s1"),
        ModelId = "scripted",
    };

    public static Routine NewRoutine(string id, DateTimeOffset? createdAt = null, DateTimeOffset? nextRunAt = null) => new()
    {
        Id = id,
        Definition = Definition(),
        CreatedAt = createdAt ?? T0,
        UpdatedAt = createdAt ?? T0,
        NextRunAt = nextRunAt ?? T0.AddHours(1),
    };

    [Fact]
    public async Task Create_then_get_and_list_return_what_was_stored()
    {
        var routine = NewRoutine("daily") with { Definition = Definition() with { Target = RoutineTarget.Channel("fake", "chat 42"), Enabled = false } };
        Assert.Equal(routine, await Store.CreateAsync(routine));
        Assert.Equal(routine, await Store.GetAsync("daily"));
        Assert.Equal([routine], await Store.ListAsync());
    }

    [Fact]
    public async Task List_is_oldest_first_then_by_id()
    {
        await Store.CreateAsync(NewRoutine("b", T0.AddMinutes(1)));
        await Store.CreateAsync(NewRoutine("c", T0));
        await Store.CreateAsync(NewRoutine("a", T0.AddMinutes(1)));
        Assert.Equal(["c", "a", "b"], (await Store.ListAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task Duplicate_ids_are_refused()
    {
        await Store.CreateAsync(NewRoutine("r1"));
        var error = await Assert.ThrowsAsync<RoutineAlreadyExistsException>(() => Store.CreateAsync(NewRoutine("r1") with { Definition = Definition("other") }).AsTask());
        Assert.Equal("routine_exists", error.ErrorCode);
        Assert.Equal("Morning brief", (await Store.GetAsync("r1"))!.Definition.Name);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("a.json")]
    [InlineData("")]
    public async Task Invalid_ids_are_refused_or_not_found(string id)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(NewRoutine("x") with { Id = id }).AsTask());
        Assert.Null(await Store.GetAsync(id));
        Assert.False(await Store.DeleteAsync(id));
        Assert.Null(await Store.TryClaimAsync(id, T0, null));
        Assert.Null(await Store.RecordRunAsync(id, new RoutineRun { StartedAt = T0, Status = RoutineRunStatus.Completed }));
        await Assert.ThrowsAsync<RoutineNotFoundException>(() => Store.UpdateAsync(id, Definition(), null, T0).AsTask());
        Assert.Empty(await Store.ListAsync());
    }

    [Fact]
    public async Task Update_replaces_the_definition_and_keeps_the_run_state()
    {
        await Store.CreateAsync(NewRoutine("r1"));
        var run = new RoutineRun { RunId = "run_1", SessionId = "s1", StartedAt = T0, Status = RoutineRunStatus.Running, Trigger = RoutineRunTrigger.Schedule, ScheduledFor = T0.AddHours(1) };
        await Store.TryClaimAsync("r1", T0.AddHours(1), T0.AddHours(2));
        await Store.RecordRunAsync("r1", run);

        var changed = Definition("Evening brief", RoutineSchedule.Every(TimeSpan.FromMinutes(30)));
        var updated = await Store.UpdateAsync("r1", changed, T0.AddHours(3), T0.AddMinutes(5));
        Assert.Equal(changed, updated.Definition);
        Assert.Equal(T0.AddHours(3), updated.NextRunAt);
        Assert.Equal(T0.AddMinutes(5), updated.UpdatedAt);
        Assert.Equal(T0, updated.CreatedAt);
        Assert.Equal(T0.AddHours(1), updated.LastScheduledFor);
        Assert.Equal(run, updated.LastRun);
        Assert.Equal(updated, await Store.GetAsync("r1"));
    }

    [Fact]
    public async Task Update_of_a_missing_routine_throws()
        => await Assert.ThrowsAsync<RoutineNotFoundException>(() => Store.UpdateAsync("missing", Definition(), null, T0).AsTask());

    [Fact]
    public async Task Delete_removes_and_reports_whether_it_existed()
    {
        await Store.CreateAsync(NewRoutine("r1"));
        Assert.True(await Store.DeleteAsync("r1"));
        Assert.False(await Store.DeleteAsync("r1"));
        Assert.Null(await Store.GetAsync("r1"));
        Assert.Empty(await Store.ListAsync());
    }

    [Fact]
    public async Task An_occurrence_can_be_claimed_once()
    {
        await Store.CreateAsync(NewRoutine("r1", nextRunAt: T0.AddHours(1)));
        var claimed = await Store.TryClaimAsync("r1", T0.AddHours(1), T0.AddHours(2));
        Assert.NotNull(claimed);
        Assert.Equal(T0.AddHours(1), claimed.LastScheduledFor);
        Assert.Equal(T0.AddHours(2), claimed.NextRunAt);
        Assert.Null(await Store.TryClaimAsync("r1", T0.AddHours(1), T0.AddHours(2)));
        Assert.Equal(claimed, await Store.GetAsync("r1"));
    }

    [Fact]
    public async Task A_rescheduled_occurrence_cannot_be_claimed()
    {
        await Store.CreateAsync(NewRoutine("r1", nextRunAt: T0.AddHours(1)));
        await Store.UpdateAsync("r1", Definition(), T0.AddHours(5), T0.AddMinutes(1));
        Assert.Null(await Store.TryClaimAsync("r1", T0.AddHours(1), T0.AddHours(2)));
        Assert.Null(await Store.TryClaimAsync("missing", T0.AddHours(1), T0.AddHours(2)));
        Assert.NotNull(await Store.TryClaimAsync("r1", T0.AddHours(5), null));
        Assert.Null((await Store.GetAsync("r1"))!.NextRunAt);
    }

    [Fact]
    public async Task Concurrent_claims_of_one_occurrence_have_one_winner()
    {
        await Store.CreateAsync(NewRoutine("r1", nextRunAt: T0.AddHours(1)));
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.TryClaimAsync("r1", T0.AddHours(1), T0.AddHours(2)).AsTask())));
        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task Record_run_sets_the_last_run()
    {
        await Store.CreateAsync(NewRoutine("r1"));
        var run = new RoutineRun { RunId = "run_1", StartedAt = T0, FinishedAt = T0.AddSeconds(3), Status = RoutineRunStatus.SkippedBusy, Error = "busy", Trigger = RoutineRunTrigger.CatchUp };
        var updated = await Store.RecordRunAsync("r1", run);
        Assert.Equal(run, updated!.LastRun);
        Assert.Equal(run, (await Store.GetAsync("r1"))!.LastRun);
        Assert.Null(await Store.RecordRunAsync("missing", run));
    }
}
