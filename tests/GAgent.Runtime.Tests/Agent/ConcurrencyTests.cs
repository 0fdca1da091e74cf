using GAgent.Events;
using GAgent.Configuration;
using GAgent.Runs;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Agent;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Second_run_in_a_busy_session_is_rejected_naming_the_active_run()
    {
        await using var runtime = new TestRuntime();
        var gate = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("working")], gate.Task, [Updates.Finish(ChatFinishReason.Stop)]);
        var sessionId = await runtime.CreateSessionAsync();
        var first = await runtime.StartAsync("first", sessionId);
        await reached.WaitAsync(TestRuntime.Timeout);

        var busy = await Assert.ThrowsAsync<SessionBusyException>(async () => await runtime.StartAsync("second", sessionId));

        Assert.Equal(first.Id, busy.ActiveRunId);
        Assert.Equal(sessionId, busy.SessionId);
        Assert.Contains(first.Id, busy.Message, StringComparison.Ordinal);
        Assert.Same(first, runtime.Runner.GetActiveRun(sessionId));
        Assert.Equal(AgentRunStatus.Running, first.Status);

        gate.SetResult();
        await first.EndAsync();
        Assert.Equal(AgentRunStatus.Completed, first.Status);
        Assert.Equal(["first", "working"], (await runtime.MessagesAsync(sessionId)).Select(static m => m.Text));
    }

    [Fact]
    public async Task A_session_accepts_the_next_message_as_soon_as_its_run_has_completed()
    {
        // Clients (SSE streams, chat UIs) send the next message the moment the previous run's last event arrives.
        await using var runtime = new TestRuntime();
        runtime.Client.Otherwise = _ => Updates.Answer("ok");
        var sessionId = await runtime.CreateSessionAsync();

        for (var i = 0; i < 25; i++)
        {
            var run = await runtime.StartAsync("message " + i, sessionId);
            await run.EndAsync();
            Assert.Null(runtime.Runner.GetActiveRun(sessionId));
        }

        Assert.Equal(50, (await runtime.MessagesAsync(sessionId)).Count);
    }

    [Fact]
    public async Task A_session_accepts_the_next_message_as_soon_as_the_event_stream_ended()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Otherwise = _ => Updates.Answer("ok");
        var sessionId = await runtime.CreateSessionAsync();

        for (var i = 0; i < 25; i++)
        {
            var run = await runtime.StartAsync("message " + i, sessionId);
            var events = await TestRuntime.ReadAllAsync(run);
            Assert.IsType<RunFinishedEvent>(events[^1]);
        }

        Assert.Equal(50, (await runtime.MessagesAsync(sessionId)).Count);
    }

    [Fact]
    public async Task With_the_queue_policy_a_second_run_waits_and_then_runs_with_the_first_runs_messages()
    {
        await using var runtime = new TestRuntime(o => o.Runs.ConcurrentRunPolicy = ConcurrentRunPolicy.Queue);
        var gate = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("first answer")], gate.Task, [Updates.Finish(ChatFinishReason.Stop)]);
        runtime.Client.Enqueue(Updates.Answer("second answer"));
        var sessionId = await runtime.CreateSessionAsync();

        var first = await runtime.StartAsync("first", sessionId);
        await reached.WaitAsync(TestRuntime.Timeout);
        var second = await runtime.StartAsync("second", sessionId);

        Assert.Equal(AgentRunStatus.Queued, second.Status);
        Assert.Equal(0, second.LastSequence);
        Assert.Single(runtime.Client.Calls);
        Assert.NotNull(runtime.Runner.GetActiveRun(sessionId));

        gate.SetResult();
        await second.EndAsync();

        Assert.Equal(AgentRunStatus.Completed, first.Status);
        Assert.Equal(AgentRunStatus.Completed, second.Status);
        Assert.True(first.CompletedAt <= second.CompletedAt);
        Assert.Equal(["first", "first answer", "second", "second answer"], (await runtime.MessagesAsync(sessionId)).Select(static m => m.Text));
        var secondCall = runtime.Client.Calls[1].Messages;
        Assert.Equal(["You are a test agent.", "first", "first answer", "second"], secondCall.Select(static m => m.Text));
        Assert.Null(runtime.Runner.GetActiveRun(sessionId));
    }

    [Fact]
    public async Task A_queued_run_that_is_stopped_never_calls_the_model()
    {
        await using var runtime = new TestRuntime(o => o.Runs.ConcurrentRunPolicy = ConcurrentRunPolicy.Queue);
        var gate = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("first")], gate.Task, [Updates.Finish(ChatFinishReason.Stop)]);
        var sessionId = await runtime.CreateSessionAsync();
        var first = await runtime.StartAsync("one", sessionId);
        await reached.WaitAsync(TestRuntime.Timeout);
        var second = await runtime.StartAsync("two", sessionId);

        Assert.True(second.RequestStop());
        await second.EndAsync();
        gate.SetResult();
        await first.EndAsync();

        Assert.Equal(AgentRunStatus.Cancelled, second.Status);
        Assert.Equal(RunErrorCodes.Cancelled, Assert.IsType<RunErrorEvent>((await TestRuntime.ReadAllAsync(second))[^1]).Code);
        Assert.Equal(AgentRunStatus.Completed, first.Status);
        Assert.Single(runtime.Client.Calls);
        Assert.Equal(["one", "first"], (await runtime.MessagesAsync(sessionId)).Select(static m => m.Text));
    }

    [Fact]
    public async Task Runs_of_different_sessions_run_side_by_side()
    {
        await using var runtime = new TestRuntime();
        var gate = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("a")], gate.Task, [Updates.Finish(ChatFinishReason.Stop)]);
        runtime.Client.Enqueue(Updates.Answer("b"));
        var first = await runtime.StartAsync("one", await runtime.CreateSessionAsync());
        await reached.WaitAsync(TestRuntime.Timeout);

        var (second, _) = await runtime.RunAsync("two", await runtime.CreateSessionAsync());

        Assert.Equal(AgentRunStatus.Completed, second.Status);
        Assert.Equal(AgentRunStatus.Running, first.Status);
        gate.SetResult();
        await first.EndAsync();
    }

    [Fact]
    public async Task Max_active_runs_refuses_a_run_in_another_session()
    {
        await using var runtime = new TestRuntime(o => o.Runs.MaxActiveRuns = 1);
        var gate = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("busy")], gate.Task, [Updates.Finish(ChatFinishReason.Stop)]);
        runtime.Client.Enqueue(Updates.Answer("now it fits"));
        var first = await runtime.StartAsync("one", await runtime.CreateSessionAsync());
        await reached.WaitAsync(TestRuntime.Timeout);
        var otherSession = await runtime.CreateSessionAsync();

        var limit = await Assert.ThrowsAsync<RunLimitExceededException>(async () => await runtime.StartAsync("two", otherSession));
        await Assert.ThrowsAsync<RunLimitExceededException>(async () => await runtime.StartAsync("ephemeral", null));

        Assert.Equal(1, limit.MaxActiveRuns);
        gate.SetResult();
        await first.EndAsync();

        var (second, _) = await runtime.RunAsync("two", otherSession);
        Assert.Equal(AgentRunStatus.Completed, second.Status);
    }
}
