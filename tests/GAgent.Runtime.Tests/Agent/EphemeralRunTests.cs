using GAgent.Events;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Agent;

public sealed class EphemeralRunTests
{
    [Fact]
    public async Task Ephemeral_run_uses_only_the_request_messages_and_persists_nothing()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Answer("Stateless answer."));
        var request = new AgentRunRequest
        {
            Messages = [new ChatMessage(ChatRole.User, "earlier question"), new ChatMessage(ChatRole.Assistant, "earlier answer"), TestRuntime.User("now")],
        };

        var run = await runtime.Runner.StartAsync(request);
        await run.EndAsync();

        Assert.False(run.IsPersistent);
        Assert.StartsWith("ephemeral_", run.SessionId, StringComparison.Ordinal);
        Assert.Equal(AgentRunStatus.Completed, run.Status);
        var events = await TestRuntime.ReadAllAsync(run);
        EventAssert.WellFormed(events, run.Id);
        Assert.IsType<RunFinishedEvent>(events[^1]);
        Assert.Equal(["You are a test agent.", "earlier question", "earlier answer", "now"], Assert.Single(runtime.Client.Calls).Messages.Select(static m => m.Text));
        Assert.Null(await runtime.Store.GetAsync(run.SessionId));
        Assert.Empty((await runtime.Store.ListAsync(new SessionQuery())).Items);
    }

    [Fact]
    public async Task Ephemeral_runs_are_dropped_when_they_end_and_persistent_runs_stay_findable()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Otherwise = _ => Updates.Answer("ok");
        var sessionId = await runtime.CreateSessionAsync();

        for (var i = 0; i < 20; i++)
        {
            var ephemeral = await runtime.StartAsync("hi", null);
            await ephemeral.EndAsync();
            Assert.Null(runtime.Runner.GetRun(ephemeral.Id));
            Assert.Null(runtime.Runner.GetActiveRun(ephemeral.SessionId));

            var persistent = await runtime.StartAsync("hi", sessionId);
            await persistent.EndAsync();
            Assert.Same(persistent, runtime.Runner.GetRun(persistent.Id));
        }
    }

    [Fact]
    public async Task A_live_ephemeral_run_is_findable_and_its_journal_readable_after_it_ended()
    {
        await using var runtime = new TestRuntime();
        var gate = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("a")], gate.Task, [Updates.Finish(ChatFinishReason.Stop)]);
        var run = await runtime.StartAsync("hi", null);
        await reached.WaitAsync(TestRuntime.Timeout);

        Assert.Same(run, runtime.Runner.GetRun(run.Id));
        Assert.Same(run, runtime.Runner.GetActiveRun(run.SessionId));
        gate.SetResult();
        await run.EndAsync();

        // The caller's handle keeps working after the registry dropped the run.
        var events = await TestRuntime.ReadAllAsync(run);
        Assert.IsType<RunFinishedEvent>(events[^1]);
        Assert.False(run.RequestStop());
    }

    [Fact]
    public async Task Unknown_run_id_is_not_found()
    {
        await using var runtime = new TestRuntime();

        Assert.Null(runtime.Runner.GetRun("run_does_not_exist"));
        Assert.Null(runtime.Runner.GetActiveRun("no-session"));
    }
}
