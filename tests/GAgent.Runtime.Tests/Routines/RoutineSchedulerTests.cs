using System.Text.Json;
using GAgent.Configuration;
using GAgent.Events;
using GAgent.Routines;
using GAgent.Runtime.Tests.Agent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Routines;

public sealed class RoutineSchedulerTests
{
    private static readonly DateTimeOffset Nine = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_routine_fires_at_its_occurrence_into_its_session()
    {
        await using var runtime = new RoutineTestRuntime();
        await runtime.CreateSessionAsync();
        var created = await runtime.CreateRoutineAsync("daily", RoutineSchedule.FromCron("0 9 * * *"));
        Assert.Equal(Nine, created.NextRunAt);
        await runtime.StartSchedulerAsync();
        Assert.Equal(Nine, runtime.Scheduler.NextWake);

        runtime.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(runtime.Client.Calls);

        await runtime.AdvanceAsync(TimeSpan.FromMinutes(1));
        var routine = await runtime.WaitForFinishedRunAsync("daily");
        var run = routine.LastRun!;
        Assert.Equal(RoutineRunStatus.Completed, run.Status);
        Assert.Equal(RoutineRunTrigger.Schedule, run.Trigger);
        Assert.Equal(Nine, run.ScheduledFor);
        Assert.Equal("s1", run.SessionId);
        Assert.NotNull(run.RunId);
        Assert.Equal(Nine, routine.LastScheduledFor);
        Assert.Equal(Nine.AddDays(1), routine.NextRunAt);

        var messages = await runtime.MessagesAsync("s1");
        Assert.Equal(ChatRole.User, messages[0].Role);
        Assert.Equal("Prompt of daily", messages[0].Text);
        Assert.Equal("routine-daily", messages[0].AuthorName);
        Assert.Equal("Routine answer.", messages[^1].Text);
        Assert.Single(runtime.Client.Calls);

        var runEvents = runtime.Notifications.Where(n => n.Name == GAgentEventNames.RoutineRun).Select(n => n.Value.GetProperty("status").GetString()).ToList();
        Assert.Equal(["running", "completed"], runEvents);
        var last = runtime.Notifications.Last(n => n.Name == GAgentEventNames.RoutineUpdated).Value;
        Assert.Equal("daily", last.GetProperty("id").GetString());
        Assert.Equal("completed", last.GetProperty("lastRun").GetProperty("status").GetString());
        Assert.Null(runtime.Notifications[0].SessionId);
    }

    [Fact]
    public async Task Disabled_routines_do_not_fire()
    {
        await using var runtime = new RoutineTestRuntime();
        await runtime.CreateSessionAsync();
        var disabled = await runtime.CreateRoutineAsync("off", RoutineSchedule.FromCron("0 9 * * *"), enabled: false);
        await runtime.CreateRoutineAsync("on", RoutineSchedule.FromCron("0 9 * * *"));
        Assert.Null(disabled.NextRunAt);
        await runtime.StartSchedulerAsync();

        await runtime.AdvanceAsync(TimeSpan.FromMinutes(30));
        await runtime.WaitForFinishedRunAsync("on");
        var off = await runtime.Store.GetAsync("off");
        Assert.Null(off!.LastRun);
        Assert.Null(off.NextRunAt);
        Assert.Single(runtime.Client.Calls);
    }

    [Fact]
    public async Task A_claimed_occurrence_does_not_run_again_after_a_restart()
    {
        var directory = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));
        var clock = new ManualClock(RoutineTestRuntime.Start);
        void UseFiles(IGAgentBuilder builder) => builder.UseRoutineStore(_ => new FileRoutineStore(directory));
        try
        {
            await using (var first = new RoutineTestRuntime(clock, build: UseFiles))
            {
                await first.CreateSessionAsync();
                await first.CreateRoutineAsync("half-hourly", RoutineSchedule.FromCron("*/30 * * * *"));

                // The first host claimed 09:00 and recorded the start, then died before the run ended.
                clock.Advance(TimeSpan.FromMinutes(31));
                Assert.NotNull(await first.Store.TryClaimAsync("half-hourly", Nine, Nine.AddMinutes(30)));
                await first.Store.RecordRunAsync("half-hourly", new RoutineRun { RunId = "run_lost", StartedAt = Nine, ScheduledFor = Nine, Status = RoutineRunStatus.Running });
            }

            await using var second = new RoutineTestRuntime(clock, build: UseFiles);
            await second.CreateSessionAsync();
            await second.StartSchedulerAsync();
            Assert.Equal(Nine.AddMinutes(30), second.Scheduler.NextWake);
            Assert.Empty(second.Client.Calls);
            var closed = (await second.Store.GetAsync("half-hourly"))!.LastRun!;
            Assert.Equal(RoutineRunStatus.Failed, closed.Status);
            Assert.Equal("run_lost", closed.RunId);
            Assert.Contains("stopped", closed.Error, StringComparison.Ordinal);

            await second.AdvanceAsync(TimeSpan.FromMinutes(29));
            var routine = await second.WaitForRunAsync("half-hourly", r => r.RunId != "run_lost" && r.Status == RoutineRunStatus.Completed);
            Assert.Equal(Nine.AddMinutes(30), routine.LastRun!.ScheduledFor);
            Assert.Equal(RoutineRunTrigger.Schedule, routine.LastRun.Trigger);
            Assert.Single(second.Client.Calls);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Occurrences_missed_while_down_run_once()
    {
        await using var runtime = new RoutineTestRuntime();
        await runtime.CreateSessionAsync();
        await runtime.CreateRoutineAsync("ten", RoutineSchedule.FromCron("*/10 * * * *"));

        // Down from 08:30 to 10:05: 08:40 ... 10:00 were missed.
        runtime.Clock.Advance(TimeSpan.FromMinutes(95));
        await runtime.StartSchedulerAsync();
        var routine = await runtime.WaitForFinishedRunAsync("ten");
        Assert.Equal(RoutineRunTrigger.CatchUp, routine.LastRun!.Trigger);
        Assert.Equal(RoutineTestRuntime.Start.AddMinutes(10), routine.LastRun.ScheduledFor);
        Assert.Equal(RoutineTestRuntime.Start.AddMinutes(100), routine.NextRunAt);
        Assert.Single(runtime.Client.Calls);
    }

    [Fact]
    public async Task Catch_up_none_skips_missed_occurrences()
    {
        await using var runtime = new RoutineTestRuntime(configure: o => o.Routines.CatchUp = RoutineCatchUpPolicy.None);
        await runtime.CreateSessionAsync();
        await runtime.CreateRoutineAsync("ten", RoutineSchedule.FromCron("*/10 * * * *"));
        runtime.Clock.Advance(TimeSpan.FromMinutes(95));
        await runtime.StartSchedulerAsync();

        var routine = await runtime.Store.GetAsync("ten");
        Assert.Null(routine!.LastRun);
        Assert.Equal(RoutineTestRuntime.Start.AddMinutes(10), routine.LastScheduledFor);
        Assert.Equal(RoutineTestRuntime.Start.AddMinutes(100), routine.NextRunAt);
        Assert.Empty(runtime.Client.Calls);

        await runtime.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(RoutineRunTrigger.Schedule, (await runtime.WaitForFinishedRunAsync("ten")).LastRun!.Trigger);
    }

    [Fact]
    public async Task A_late_wake_up_runs_once_not_as_a_burst()
    {
        await using var runtime = new RoutineTestRuntime();
        await runtime.CreateSessionAsync();
        await runtime.CreateRoutineAsync("interval", RoutineSchedule.Every(TimeSpan.FromMinutes(30)));
        await runtime.StartSchedulerAsync();
        Assert.Equal(Nine, runtime.Scheduler.NextWake);

        // The host was suspended from 08:30 to 12:10: 09:00 ... 12:00 are due at once.
        await runtime.JumpAsync(TimeSpan.FromMinutes(220));
        var routine = await runtime.WaitForFinishedRunAsync("interval");
        Assert.Equal(RoutineRunTrigger.Schedule, routine.LastRun!.Trigger);
        Assert.Equal(Nine, routine.LastRun.ScheduledFor);
        Assert.Equal(RoutineTestRuntime.Start.AddMinutes(250), routine.NextRunAt);
        Assert.Single(runtime.Client.Calls);
    }

    [Fact]
    public async Task Editing_a_routine_reschedules_the_scheduler()
    {
        await using var runtime = new RoutineTestRuntime();
        await runtime.CreateSessionAsync();
        var routine = await runtime.CreateRoutineAsync("daily", RoutineSchedule.FromCron("0 9 * * *"));
        await runtime.StartSchedulerAsync();
        Assert.Equal(Nine, runtime.Scheduler.NextWake);

        var sleeps = runtime.Scheduler.SleepCount;
        var updated = await runtime.Manager.UpdateAsync("daily", routine.Definition with { Schedule = RoutineSchedule.FromCron("45 8 * * *") }, CancellationToken.None);
        Assert.Equal(Nine.AddMinutes(-15), updated.NextRunAt);
        await runtime.WaitForSleepAsync(sleeps + 1);
        Assert.Equal(Nine.AddMinutes(-15), runtime.Scheduler.NextWake);

        await runtime.AdvanceAsync(TimeSpan.FromMinutes(15));
        Assert.Equal(Nine.AddMinutes(-15), (await runtime.WaitForFinishedRunAsync("daily")).LastRun!.ScheduledFor);

        // A rename keeps the planned occurrence; disabling clears it.
        var renamed = await runtime.Manager.UpdateAsync("daily", updated.Definition with { Name = "Renamed" }, CancellationToken.None);
        Assert.Equal(Nine.AddDays(1).AddMinutes(-15), renamed.NextRunAt);
        var disabled = await runtime.Manager.UpdateAsync("daily", renamed.Definition with { Enabled = false }, CancellationToken.None);
        Assert.Null(disabled.NextRunAt);
    }

    [Fact]
    public async Task A_deleted_routine_does_not_fire()
    {
        await using var runtime = new RoutineTestRuntime();
        await runtime.CreateSessionAsync();
        await runtime.CreateRoutineAsync("gone", RoutineSchedule.FromCron("0 9 * * *"));
        await runtime.StartSchedulerAsync();
        var sleeps = runtime.Scheduler.SleepCount;
        Assert.True(await runtime.Manager.DeleteAsync("gone", CancellationToken.None));
        await runtime.WaitForSleepAsync(sleeps + 1);
        Assert.Null(runtime.Scheduler.NextWake);
        runtime.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(runtime.Client.Calls);
        Assert.Contains(runtime.Notifications, n => n.Name == GAgentEventNames.RoutineDeleted && n.Value.GetProperty("id").GetString() == "gone");
    }

    [Fact]
    public async Task A_busy_session_skips_the_occurrence()
    {
        await using var runtime = new RoutineTestRuntime();
        await runtime.CreateSessionAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = runtime.Client.EnqueueGated([Updates.Text("Working")], gate.Task, [Updates.Finish(ChatFinishReason.Stop)]);
        var busy = await runtime.Runner.StartAsync(new GAgent.Runs.AgentRunRequest { SessionId = "s1", Messages = [TestRuntime.User("long task")] });
        await reached.WaitAsync(TestRuntime.Timeout);

        await runtime.CreateRoutineAsync("daily", RoutineSchedule.FromCron("0 9 * * *"));
        await runtime.StartSchedulerAsync();
        await runtime.AdvanceAsync(TimeSpan.FromMinutes(30));
        var routine = await runtime.WaitForFinishedRunAsync("daily");
        Assert.Equal(RoutineRunStatus.SkippedBusy, routine.LastRun!.Status);
        Assert.Null(routine.LastRun.RunId);
        Assert.Contains(busy.Id, routine.LastRun.Error, StringComparison.Ordinal);
        Assert.Equal(Nine.AddDays(1), routine.NextRunAt);

        gate.SetResult();
        await busy.EndAsync();
    }

    [Fact]
    public async Task With_queuing_a_busy_session_runs_the_routine_after_the_active_run()
    {
        await using var runtime = new RoutineTestRuntime(configure: o => o.Runs.ConcurrentRunPolicy = ConcurrentRunPolicy.Queue);
        await runtime.CreateSessionAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = runtime.Client.EnqueueGated([Updates.Text("Working")], gate.Task, [Updates.Finish(ChatFinishReason.Stop)]);
        var busy = await runtime.Runner.StartAsync(new GAgent.Runs.AgentRunRequest { SessionId = "s1", Messages = [TestRuntime.User("long task")] });
        await reached.WaitAsync(TestRuntime.Timeout);

        await runtime.CreateRoutineAsync("daily", RoutineSchedule.FromCron("0 9 * * *"));
        await runtime.StartSchedulerAsync();
        await runtime.AdvanceAsync(TimeSpan.FromMinutes(30));
        var queued = await runtime.WaitForRunAsync("daily", r => r.RunId is not null);
        Assert.Equal(RoutineRunStatus.Running, queued.LastRun!.Status);
        Assert.NotEqual(busy.Id, queued.LastRun.RunId);

        gate.SetResult();
        var finished = await runtime.WaitForFinishedRunAsync("daily");
        Assert.Equal(RoutineRunStatus.Completed, finished.LastRun!.Status);
        Assert.Equal("routine-daily", (await runtime.MessagesAsync("s1")).Single(m => m.Text == "Prompt of daily").AuthorName);
    }

    [Fact]
    public async Task The_concurrency_cap_skips_runs_beyond_it()
    {
        await using var runtime = new RoutineTestRuntime(configure: o => o.Routines.MaxConcurrentRoutineRuns = 1);
        await runtime.CreateSessionAsync("s1");
        await runtime.CreateSessionAsync("s2");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = runtime.Client.EnqueueGated([Updates.Text("Working")], gate.Task, [Updates.Finish(ChatFinishReason.Stop)]);
        await runtime.CreateRoutineAsync("first", RoutineSchedule.FromCron("0 9 * * *"), target: RoutineTarget.Session("s1"));
        await runtime.CreateRoutineAsync("second", RoutineSchedule.FromCron("0 9 * * *"), target: RoutineTarget.Session("s2"));
        await runtime.StartSchedulerAsync();
        await runtime.AdvanceAsync(TimeSpan.FromMinutes(30));

        var second = await runtime.WaitForFinishedRunAsync("second");
        Assert.Equal(RoutineRunStatus.SkippedBusy, second.LastRun!.Status);
        Assert.Contains("MaxConcurrentRoutineRuns", second.LastRun.Error, StringComparison.Ordinal);
        gate.SetResult();
        Assert.Equal(RoutineRunStatus.Completed, (await runtime.WaitForFinishedRunAsync("first")).LastRun!.Status);
    }

    [Fact]
    public async Task A_disabled_scheduler_fires_nothing_but_routines_can_run_by_hand()
    {
        await using var runtime = new RoutineTestRuntime(configure: o => o.Routines.Enabled = false);
        await runtime.CreateSessionAsync();
        await runtime.CreateRoutineAsync("daily", RoutineSchedule.FromCron("0 9 * * *"));
        await runtime.Scheduler.StartAsync(CancellationToken.None);
        await runtime.Scheduler.ExecuteTask!.WaitAsync(TestRuntime.Timeout);
        runtime.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(runtime.Client.Calls);

        var run = await runtime.Manager.RunNowAsync("daily", CancellationToken.None);
        await run.EndAsync();
        var routine = await runtime.WaitForFinishedRunAsync("daily");
        Assert.Equal(RoutineRunTrigger.Manual, routine.LastRun!.Trigger);
        Assert.Equal(run.Id, routine.LastRun.RunId);
        Assert.Null(routine.LastRun.ScheduledFor);
        Assert.Equal(Nine, routine.NextRunAt);
    }

    [Fact]
    public async Task Invalid_definitions_are_refused_naming_the_field()
    {
        await using var runtime = new RoutineTestRuntime();
        await runtime.CreateSessionAsync();
        async Task<string?> Refused(RoutineSchedule schedule, RoutineTarget target, string? model = null)
            => (await Assert.ThrowsAsync<ArgumentException>(() => runtime.Manager.CreateAsync(null, new RoutineDefinition { Name = "n", Prompt = "p", Schedule = schedule, Target = target, ModelId = model }, CancellationToken.None))).ParamName;

        var daily = RoutineSchedule.FromCron("0 9 * * *");
        Assert.Equal("schedule.cron", await Refused(RoutineSchedule.FromCron("0 9 * * NOPE"), RoutineTarget.Session("s1")));
        Assert.Equal("schedule.cron", await Refused(RoutineSchedule.FromCron("0 0 30 2 *"), RoutineTarget.Session("s1")));
        Assert.Equal("target.sessionId", await Refused(daily, RoutineTarget.Session("missing")));
        Assert.Equal("target.sessionId", await Refused(daily, RoutineTarget.Session("../etc")));
        Assert.Equal("target.channel", await Refused(daily, RoutineTarget.Channel("nope", "c1")));
        Assert.Equal("target", await Refused(daily, new RoutineTarget()));
        Assert.Equal("model", await Refused(daily, RoutineTarget.Session("s1"), "no-such-model"));
        Assert.Empty(await runtime.Store.ListAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task Out_of_range_options_are_refused(int maxRuns)
    {
        await using var runtime = new RoutineTestRuntime(configure: o => o.Routines.MaxConcurrentRoutineRuns = maxRuns);
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => runtime.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GAgentOptions>>().Value);
        Assert.Contains("MaxConcurrentRoutineRuns", error.Message, StringComparison.Ordinal);
    }
}
