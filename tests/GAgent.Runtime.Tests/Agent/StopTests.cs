using GAgent.Events;
using GAgent.Runs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Agent;

public sealed class StopTests
{
    [Fact]
    public async Task Stop_while_the_model_streams_cancels_the_run_and_keeps_the_partial_text()
    {
        await using var runtime = new TestRuntime();
        var never = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("The first half "), Updates.Text("of an answer")], never.Task, [Updates.Text(" that never comes")]);
        var sessionId = await runtime.CreateSessionAsync();
        var run = await runtime.StartAsync("Tell me a long story", sessionId);
        await reached.WaitAsync(TestRuntime.Timeout);

        Assert.True(run.RequestStop());
        await run.EndAsync();

        Assert.Equal(AgentRunStatus.Cancelled, run.Status);
        Assert.NotNull(run.CompletedAt);
        var events = await TestRuntime.ReadAllAsync(run);
        EventAssert.WellFormed(events, run.Id);
        var error = EventAssert.Last<RunErrorEvent>(events);
        Assert.Equal(RunErrorCodes.Cancelled, error.Code);
        Assert.Empty(events.OfType<RunFinishedEvent>());
        var messageId = EventAssert.Single<TextMessageStartEvent>(events).MessageId;

        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal([ChatRole.User, ChatRole.Assistant], stored.Select(static m => m.Role));
        Assert.Equal("The first half of an answer", stored[1].Text);
        Assert.Equal(messageId, stored[1].Id);
        Assert.False(run.RequestStop());
    }

    [Fact]
    public async Task Stop_while_a_tool_runs_cancels_the_tools_token_and_the_run()
    {
        var toolStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var toolCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var runtime = new TestRuntime(build: b => b.AddTool(
            async (CancellationToken ct) =>
            {
                toolStarted.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    toolCancelled.TrySetResult();
                    throw;
                }

                return "finished";
            },
            "long_job",
            "Takes forever."));
        runtime.Client.Enqueue(Updates.CallTool("call_job", "long_job"));
        var sessionId = await runtime.CreateSessionAsync();
        var run = await runtime.StartAsync("run the job", sessionId);
        await toolStarted.Task.WaitAsync(TestRuntime.Timeout);

        Assert.True(run.RequestStop());
        await run.EndAsync();

        // The tool's token is cancelled by the stop (the tool may observe it just after the run ended).
        await toolCancelled.Task.WaitAsync(TestRuntime.Timeout);
        Assert.Equal(AgentRunStatus.Cancelled, run.Status);
        var events = await TestRuntime.ReadAllAsync(run);
        Assert.Equal(RunErrorCodes.Cancelled, EventAssert.Last<RunErrorEvent>(events).Code);
        Assert.Empty(events.OfType<ToolCallResultEvent>());
        Assert.Single(runtime.Client.Calls);

        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool], stored.Select(static m => m.Role));
        var answer = Assert.Single(stored[2].Contents.OfType<FunctionResultContent>());
        Assert.Equal("call_job", answer.CallId);
        Assert.Contains("long_job", answer.Result?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_stopped_during_a_tool_can_continue_without_an_unanswered_call_in_its_history()
    {
        // Models reject a history where an assistant tool call has no result; a stop must not leave one behind.
        var toolStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var runtime = new TestRuntime(build: b => b.AddTool(
            async (CancellationToken ct) =>
            {
                toolStarted.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return "finished";
            },
            "long_job",
            "Takes forever."));
        runtime.Client.Enqueue(Updates.CallTool("call_job", "long_job")).Enqueue(Updates.Answer("Next answer."));
        var sessionId = await runtime.CreateSessionAsync();
        var run = await runtime.StartAsync("run the job", sessionId);
        await toolStarted.Task.WaitAsync(TestRuntime.Timeout);
        run.RequestStop();
        await run.EndAsync();

        await runtime.RunAsync("never mind", sessionId);

        var sent = runtime.Client.Calls[1].Messages;
        var callIds = sent.SelectMany(static m => m.Contents.OfType<FunctionCallContent>()).Select(static c => c.CallId);
        var resultIds = sent.SelectMany(static m => m.Contents.OfType<FunctionResultContent>()).Select(static r => r.CallId);
        Assert.Equal(callIds, resultIds);
        for (var i = 0; i < sent.Count; i++)
        {
            if (sent[i].Contents.OfType<FunctionCallContent>().Any())
            {
                Assert.Equal(ChatRole.Tool, sent[i + 1].Role);
            }
        }
    }

    [Fact]
    public async Task Stop_during_the_second_of_two_tools_keeps_the_first_result_and_answers_every_call()
    {
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var runtime = new TestRuntime(build: b => b
            .AddTool(() => "quick result", "quick", "Fast.")
            .AddTool(
                async (CancellationToken ct) =>
                {
                    secondStarted.TrySetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                    return "never";
                },
                "slow",
                "Slow."));
        runtime.Client.Enqueue(
            Updates.Call("c_quick", "quick"),
            Updates.Call("c_slow", "slow"),
            Updates.Call("c_client", "client_side"),
            Updates.Finish(ChatFinishReason.ToolCalls));
        var sessionId = await runtime.CreateSessionAsync();
        var clientTool = AIFunctionFactory.CreateDeclaration("client_side", "Runs on the client.", System.Text.Json.JsonDocument.Parse("{}").RootElement);
        var run = await runtime.StartAsync("do both", sessionId, r => r with { ClientTools = [clientTool] });
        await secondStarted.Task.WaitAsync(TestRuntime.Timeout);

        run.RequestStop();
        await run.EndAsync();

        Assert.Equal(AgentRunStatus.Cancelled, run.Status);
        var events = await TestRuntime.ReadAllAsync(run);
        var journaled = EventAssert.Single<ToolCallResultEvent>(events);
        Assert.Equal("c_quick", journaled.ToolCallId);
        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool], stored.Select(static m => m.Role));
        Assert.Equal(journaled.MessageId, stored[2].Id);
        var results = stored[2].Contents.OfType<FunctionResultContent>().ToList();
        Assert.Equal(["c_quick", "c_slow", "c_client"], results.Select(static r => r.CallId));
        Assert.Equal("quick result", results[0].Result?.ToString());
    }

    [Fact]
    public async Task Stop_ends_the_run_even_when_the_tool_ignores_its_token()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var runtime = new TestRuntime(build: b => b.AddTool(
            () =>
            {
                started.TrySetResult();
                return release.Task;
            },
            "stubborn",
            "Ignores cancellation."));
        runtime.Client.Enqueue(Updates.CallTool("c1", "stubborn"));
        var run = await runtime.StartAsync("go", await runtime.CreateSessionAsync());
        await started.Task.WaitAsync(TestRuntime.Timeout);

        try
        {
            Assert.True(run.RequestStop());
            await run.EndAsync();

            Assert.Equal(AgentRunStatus.Cancelled, run.Status);
        }
        finally
        {
            release.TrySetResult("late");
        }
    }

    [Fact]
    public async Task Stop_on_a_finished_run_returns_false()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Answer("done"));

        var (run, events) = await runtime.RunAsync("hi", await runtime.CreateSessionAsync());

        Assert.False(run.RequestStop());
        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.IsType<RunFinishedEvent>(events[^1]);
    }

    [Fact]
    public async Task Stop_of_an_ephemeral_run_persists_nothing()
    {
        await using var runtime = new TestRuntime();
        var never = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("partial")], never.Task, []);
        var run = await runtime.StartAsync("hi", null);
        await reached.WaitAsync(TestRuntime.Timeout);
        var reader = TestRuntime.ReadAllAsync(run);

        Assert.True(run.RequestStop());
        await run.EndAsync();

        Assert.Equal(AgentRunStatus.Cancelled, run.Status);
        Assert.Equal(RunErrorCodes.Cancelled, Assert.IsType<RunErrorEvent>((await reader)[^1]).Code);
        Assert.False(run.RequestStop());
    }
}
