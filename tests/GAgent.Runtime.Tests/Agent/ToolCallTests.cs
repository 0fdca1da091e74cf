using System.Text.Json;
using GAgent.Events;
using GAgent.Runs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Agent;

public sealed class ToolCallTests
{
    [Fact]
    public async Task Server_tool_call_is_run_journaled_and_fed_back_to_the_model()
    {
        var invocations = 0;
        await using var runtime = new TestRuntime(build: b => b.AddTool(
            (string city, int days) =>
            {
                Interlocked.Increment(ref invocations);
                return $"Sunny in {city} for {days} days";
            },
            "get_weather",
            "Forecast for a city."));
        runtime.Client
            .Enqueue(Updates.Text("Let me look."), Updates.Call("call_w1", "get_weather", new Dictionary<string, object?> { ["city"] = "Oslo", ["days"] = 2 }), Updates.Usage(20, 5), Updates.Finish(ChatFinishReason.ToolCalls))
            .Enqueue(Updates.Answer("It will be sunny."));
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("Weather in Oslo?", sessionId);

        EventAssert.WellFormed(events, run.Id);
        Assert.Equal(
            [
                AgentEventTypes.RunStarted,
                AgentEventTypes.TextMessageStart, AgentEventTypes.TextMessageContent, AgentEventTypes.TextMessageEnd,
                AgentEventTypes.ToolCallStart, AgentEventTypes.ToolCallArgs, AgentEventTypes.ToolCallEnd,
                AgentEventTypes.Custom,
                AgentEventTypes.ToolCallResult,
                AgentEventTypes.TextMessageStart, AgentEventTypes.TextMessageContent, AgentEventTypes.TextMessageEnd,
                AgentEventTypes.Custom,
                AgentEventTypes.RunFinished,
            ],
            EventAssert.Types(events));
        Assert.Equal(1, invocations);

        var firstMessageId = events.OfType<TextMessageStartEvent>().First().MessageId;
        var start = EventAssert.Single<ToolCallStartEvent>(events);
        Assert.Equal("call_w1", start.ToolCallId);
        Assert.Equal("get_weather", start.ToolCallName);
        Assert.False(start.ClientSide);
        Assert.Equal(firstMessageId, start.ParentMessageId);
        var args = EventAssert.Single<ToolCallArgsEvent>(events);
        Assert.Equal("call_w1", args.ToolCallId);
        using (var json = JsonDocument.Parse(args.Delta))
        {
            Assert.Equal("Oslo", json.RootElement.GetProperty("city").GetString());
            Assert.Equal(2, json.RootElement.GetProperty("days").GetInt32());
        }

        Assert.Equal("call_w1", EventAssert.Single<ToolCallEndEvent>(events).ToolCallId);
        var result = EventAssert.Single<ToolCallResultEvent>(events);
        Assert.Equal("call_w1", result.ToolCallId);
        Assert.Equal("Sunny in Oslo for 2 days", result.Content);
        Assert.False(result.IsError);
        Assert.Equal(ChatFinishReason.Stop, EventAssert.Last<RunFinishedEvent>(events).FinishReason);
        Assert.Equal(AgentRunStatus.Completed, run.Status);

        var calls = runtime.Client.Calls;
        Assert.Equal(2, calls.Count);
        Assert.Contains("get_weather", calls[0].ToolNames);
        var second = calls[1].Messages;
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool], second.Select(static m => m.Role));
        var sentCall = Assert.Single(second[2].Contents.OfType<FunctionCallContent>());
        Assert.Equal("call_w1", sentCall.CallId);
        Assert.Equal("Let me look.", second[2].Text);
        var sentResult = Assert.Single(second[3].Contents.OfType<FunctionResultContent>());
        Assert.Equal("call_w1", sentResult.CallId);
        Assert.Contains("Sunny in Oslo for 2 days", ResultText(sentResult), StringComparison.Ordinal);

        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], stored.Select(static m => m.Role));
        Assert.Equal("call_w1", Assert.Single(stored[1].Contents.OfType<FunctionCallContent>()).CallId);
        Assert.Equal("call_w1", Assert.Single(stored[2].Contents.OfType<FunctionResultContent>()).CallId);
        Assert.Equal(result.MessageId, stored[2].Id);
        Assert.Equal("It will be sunny.", stored[3].Text);
        Assert.Equal(firstMessageId, stored[1].Id);
        Assert.Equal(events.OfType<TextMessageStartEvent>().Last().MessageId, stored[3].Id);
        Assert.NotEqual(stored[1].Id, stored[3].Id);
    }

    [Fact]
    public async Task Several_calls_in_one_turn_all_run_and_answer_in_one_tool_message()
    {
        await using var runtime = new TestRuntime(build: b => b.AddTool((int n) => n * n, "square", "Squares n."));
        runtime.Client
            .Enqueue(Updates.Call("c1", "square", new Dictionary<string, object?> { ["n"] = 3 }), Updates.Call("c2", "square", new Dictionary<string, object?> { ["n"] = 4 }), Updates.Finish(ChatFinishReason.ToolCalls))
            .Enqueue(Updates.Answer("9 and 16"));

        var (_, events) = await runtime.RunAsync("squares", null);

        Assert.Equal(["c1", "c2"], events.OfType<ToolCallResultEvent>().Select(static e => e.ToolCallId));
        Assert.Equal(["9", "16"], events.OfType<ToolCallResultEvent>().Select(static e => e.Content));
        var toolMessage = runtime.Client.Calls[1].Messages[^1];
        Assert.Equal(ChatRole.Tool, toolMessage.Role);
        Assert.Equal(["c1", "c2"], toolMessage.Contents.OfType<FunctionResultContent>().Select(static r => r.CallId));
    }

    [Fact]
    public async Task Throwing_tool_becomes_an_error_result_and_the_loop_continues()
    {
        await using var runtime = new TestRuntime(build: b => b.AddTool(string () => throw new InvalidOperationException("disk on fire"), "explode", "Always fails."));
        runtime.Client.Enqueue(Updates.CallTool("c1", "explode")).Enqueue(Updates.Answer("Sorry, the tool failed."));

        var (run, events) = await runtime.RunAsync("try it", await runtime.CreateSessionAsync());

        var result = EventAssert.Single<ToolCallResultEvent>(events);
        Assert.True(result.IsError);
        Assert.Contains("disk on fire", result.Content, StringComparison.Ordinal);
        AssertModelSawError(runtime, "c1", "disk on fire");
        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.IsType<RunFinishedEvent>(events[^1]);
    }

    [Fact]
    public async Task Tool_exceeding_the_timeout_is_cancelled_and_reported_as_an_error()
    {
        var observedCancellation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var runtime = new TestRuntime(
            o => o.Agent.ToolTimeout = TimeSpan.FromMilliseconds(200),
            b => b.AddTool(
                async (CancellationToken ct) =>
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, ct);
                    }
                    catch (OperationCanceledException)
                    {
                        observedCancellation.TrySetResult();
                        throw;
                    }

                    return "never";
                },
                "slow",
                "Never finishes."));
        runtime.Client.Enqueue(Updates.CallTool("c1", "slow")).Enqueue(Updates.Answer("It took too long."));

        var (run, events) = await runtime.RunAsync("go slow", await runtime.CreateSessionAsync());

        // The timed-out tool's token is cancelled (it may observe that just after the loop moved on).
        await observedCancellation.Task.WaitAsync(TestRuntime.Timeout);
        var result = EventAssert.Single<ToolCallResultEvent>(events);
        Assert.True(result.IsError);
        Assert.Contains("slow", result.Content, StringComparison.Ordinal);
        AssertModelSawError(runtime, "c1", "slow");
        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.Equal("It took too long.", events.OfType<TextMessageContentEvent>().Single().Delta);
    }

    [Fact]
    public async Task Tool_that_ignores_its_token_is_abandoned_at_the_timeout()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var runtime = new TestRuntime(
            o => o.Agent.ToolTimeout = TimeSpan.FromMilliseconds(200),
            b => b.AddTool(() => release.Task, "stubborn", "Ignores cancellation."));
        runtime.Client.Enqueue(Updates.CallTool("c1", "stubborn")).Enqueue(Updates.Answer("Gave up on it."));

        try
        {
            var (run, events) = await runtime.RunAsync("go", null);

            Assert.Equal(AgentRunStatus.Completed, run.Status);
            var result = EventAssert.Single<ToolCallResultEvent>(events);
            Assert.True(result.IsError);
            Assert.Contains("stubborn", result.Content, StringComparison.Ordinal);
        }
        finally
        {
            release.TrySetResult("late");
        }
    }

    [Fact]
    public async Task Unknown_tool_name_becomes_an_error_result()
    {
        await using var runtime = new TestRuntime(build: b => b.AddTool(() => "ok", "known", "A tool."));
        runtime.Client.Enqueue(Updates.CallTool("c1", "made_up_tool")).Enqueue(Updates.Answer("I made that up."));

        var (run, events) = await runtime.RunAsync("hi", null);

        var start = EventAssert.Single<ToolCallStartEvent>(events);
        Assert.False(start.ClientSide);
        var result = EventAssert.Single<ToolCallResultEvent>(events);
        Assert.True(result.IsError);
        Assert.Contains("made_up_tool", result.Content, StringComparison.Ordinal);
        AssertModelSawError(runtime, "c1", "made_up_tool");
        Assert.Equal(AgentRunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Malformed_arguments_are_not_passed_to_the_tool_and_become_an_error_result()
    {
        var invoked = false;
        await using var runtime = new TestRuntime(build: b => b.AddTool(
            (string text) =>
            {
                invoked = true;
                return text;
            },
            "echo",
            "Echoes text."));
        var broken = new FunctionCallContent("c1", "echo") { Exception = new JsonException("'}' is invalid after a property name.") };
        runtime.Client
            .Enqueue(new ChatResponseUpdate(ChatRole.Assistant, [broken]), Updates.Finish(ChatFinishReason.ToolCalls))
            .Enqueue(Updates.Answer("Let me fix that."));

        var (run, events) = await runtime.RunAsync("echo something", await runtime.CreateSessionAsync());

        Assert.False(invoked);
        Assert.Equal("{}", EventAssert.Single<ToolCallArgsEvent>(events).Delta);
        var result = EventAssert.Single<ToolCallResultEvent>(events);
        Assert.True(result.IsError);
        Assert.Contains("echo", result.Content, StringComparison.Ordinal);
        Assert.Contains("is invalid after a property name", result.Content, StringComparison.Ordinal);
        AssertModelSawError(runtime, "c1", "echo");
        Assert.Equal(AgentRunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Tool_without_arguments_is_called_with_an_empty_argument_object()
    {
        await using var runtime = new TestRuntime(build: b => b.AddTool(() => "tick", "clock", "Ticks."));
        runtime.Client
            .Enqueue(new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent("c1", "clock")]), Updates.Finish(ChatFinishReason.ToolCalls))
            .Enqueue(Updates.Answer("done"));

        var (_, events) = await runtime.RunAsync("tick", null);

        Assert.Equal("{}", EventAssert.Single<ToolCallArgsEvent>(events).Delta);
        var result = EventAssert.Single<ToolCallResultEvent>(events);
        Assert.False(result.IsError);
        Assert.Equal("tick", result.Content);
    }

    [Fact]
    public async Task Tool_created_from_the_service_provider_can_use_services()
    {
        await using var runtime = new TestRuntime(build: b => b.AddTool(sp => AIFunctionFactory.Create(
            () => sp.GetRequiredService<TimeProvider>() == TimeProvider.System ? "system clock" : "other clock",
            "which_clock",
            "Names the clock.")));
        runtime.Client.Enqueue(Updates.CallTool("c1", "which_clock")).Enqueue(Updates.Answer("ok"));

        var (_, events) = await runtime.RunAsync("which clock?", null);

        Assert.Equal("system clock", EventAssert.Single<ToolCallResultEvent>(events).Content);
    }

    [Fact]
    public async Task Max_iterations_asks_once_more_without_tools_and_completes()
    {
        var invocations = 0;
        await using var runtime = new TestRuntime(
            o => o.Agent.MaxIterations = 2,
            b => b.AddTool(
                () =>
                {
                    Interlocked.Increment(ref invocations);
                    return "again";
                },
                "loop",
                "Loops."));

        // A stubborn model: it calls the tool on every request, even when told not to.
        runtime.Client.Otherwise = call => [Updates.Text("once more "), .. Updates.CallTool("c" + call.Messages.Count, "loop")];
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("loop forever", sessionId);

        var calls = runtime.Client.Calls;
        Assert.Equal(3, calls.Count);
        Assert.IsNotType<NoneChatToolMode>(calls[0].Options?.ToolMode);
        Assert.IsNotType<NoneChatToolMode>(calls[1].Options?.ToolMode);
        Assert.IsType<NoneChatToolMode>(calls[2].Options?.ToolMode);
        Assert.Equal(2, invocations);

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        var finished = EventAssert.Last<RunFinishedEvent>(events);
        Assert.Equal(ChatFinishReason.Stop, finished.FinishReason);
        Assert.Equal(ChatFinishReason.Stop, run.FinishReason);

        // Every server tool call the journal announces gets a result: nothing dangles for event consumers.
        Assert.Equal(
            events.OfType<ToolCallStartEvent>().Select(static e => e.ToolCallId),
            events.OfType<ToolCallResultEvent>().Select(static e => e.ToolCallId));

        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], stored.Select(static m => m.Role));
        Assert.Empty(stored[^1].Contents.OfType<FunctionCallContent>());
        Assert.Equal("once more ", stored[^1].Text);
    }

    private static void AssertModelSawError(TestRuntime runtime, string callId, string expectedText)
    {
        var calls = runtime.Client.Calls;
        Assert.Equal(2, calls.Count);
        var toolMessage = calls[1].Messages[^1];
        Assert.Equal(ChatRole.Tool, toolMessage.Role);
        var result = Assert.Single(toolMessage.Contents.OfType<FunctionResultContent>());
        Assert.Equal(callId, result.CallId);
        Assert.Contains(expectedText, ResultText(result), StringComparison.Ordinal);
    }

    private static string ResultText(FunctionResultContent result) => result.Result switch
    {
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString()!,
        JsonElement element => element.GetRawText(),
        { } other => other.ToString() ?? string.Empty,
        null => string.Empty,
    };
}
