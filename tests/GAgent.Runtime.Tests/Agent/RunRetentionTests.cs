using GAgent.Events;
using GAgent.Runs;
using GAgent.Runtime.Tests.Routines;
using GAgent.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Agent;

/// <summary>How long and how many finished runs of sessions stay findable (GAgent:Runs:Retention and MaxRetainedRuns).</summary>
public sealed class RunRetentionTests
{
    [Fact]
    public async Task Beyond_the_cap_the_longest_finished_runs_are_dropped_and_their_messages_stay()
    {
        await using var runtime = new TestRuntime(o => o.Runs.MaxRetainedRuns = 3);
        runtime.Client.Otherwise = _ => Updates.Answer("ok");
        var sessionId = await runtime.CreateSessionAsync();

        var runs = new List<IAgentRun>();
        for (var i = 0; i < 5; i++)
        {
            var run = await runtime.StartAsync($"message {i}", sessionId);
            await run.EndAsync();
            runs.Add(run);
        }

        Assert.Null(runtime.Runner.GetRun(runs[0].Id));
        Assert.Null(runtime.Runner.GetRun(runs[1].Id));
        Assert.All(runs[2..], run => Assert.Same(run, runtime.Runner.GetRun(run.Id)));

        // Dropping a run forgets its id, not its conversation; a handle the caller holds still replays.
        var messages = await runtime.Store.ReadMessagesAsync(sessionId, new MessageQuery { Limit = 100 });
        Assert.Equal(10, messages.Items.Count);
        Assert.IsType<RunFinishedEvent>((await TestRuntime.ReadAllAsync(runs[0]))[^1]);
    }

    [Fact]
    public async Task A_cap_of_zero_keeps_no_finished_run_but_an_active_one_stays_findable()
    {
        await using var runtime = new TestRuntime(o => o.Runs.MaxRetainedRuns = 0);
        var gate = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("a")], gate.Task, [Updates.Finish(Microsoft.Extensions.AI.ChatFinishReason.Stop)]);
        var sessionId = await runtime.CreateSessionAsync();
        var run = await runtime.StartAsync("hi", sessionId);
        await reached.WaitAsync(TestRuntime.Timeout);

        Assert.Same(run, runtime.Runner.GetRun(run.Id));
        gate.SetResult();
        await run.EndAsync();

        Assert.Null(runtime.Runner.GetRun(run.Id));
    }

    [Fact]
    public async Task Finished_runs_stay_findable_for_the_retention_and_no_longer()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        await using var runtime = new TestRuntime(o => o.Runs.Retention = TimeSpan.FromMinutes(1), b => b.Services.AddSingleton<TimeProvider>(clock));
        runtime.Client.Otherwise = _ => Updates.Answer("ok");
        var sessionId = await runtime.CreateSessionAsync();
        var first = await runtime.StartAsync("one", sessionId);
        await first.EndAsync();

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Same(first, runtime.Runner.GetRun(first.Id));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(runtime.Runner.GetRun(first.Id));

        // The sweep that runs as runs start removes it for good, and later runs are kept as usual.
        var second = await runtime.StartAsync("two", sessionId);
        await second.EndAsync();
        Assert.Null(runtime.Runner.GetRun(first.Id));
        Assert.Same(second, runtime.Runner.GetRun(second.Id));
    }
}
