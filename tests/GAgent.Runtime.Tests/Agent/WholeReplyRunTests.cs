using GAgent.Events;
using GAgent.Providers;
using GAgent.Runs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Agent;

/// <summary>Runs whose caller wants only the result ask the model for each reply whole, with the same events and history.</summary>
public sealed class WholeReplyRunTests
{
    private static AgentRunRequest Whole(AgentRunRequest request) => request with { WholeModelReplies = true, Delivery = RunEventDelivery.MergedDeltas };

    [Fact]
    public async Task A_whole_reply_is_asked_for_once_and_journaled_as_one_message()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Answer("Hello", ", ", "world."));
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("Say hello", sessionId, Whole);

        Assert.False(Assert.Single(runtime.Client.Calls).Streamed);
        EventAssert.WellFormed(events, run.Id);
        Assert.Equal(
            [AgentEventTypes.RunStarted, AgentEventTypes.TextMessageStart, AgentEventTypes.TextMessageContent, AgentEventTypes.TextMessageEnd, AgentEventTypes.Custom, AgentEventTypes.RunFinished],
            EventAssert.Types(events));
        Assert.Equal("Hello, world.", EventAssert.Single<TextMessageContentEvent>(events).Delta);
        var finished = EventAssert.Last<RunFinishedEvent>(events);
        Assert.Equal(ChatFinishReason.Stop, finished.FinishReason);
        Assert.Equal(10, finished.Usage?.InputTokenCount);
        Assert.Equal(3, finished.Usage?.OutputTokenCount);
        Assert.Equal(GAgentEventNames.Usage, EventAssert.Single<CustomEvent>(events).Name);

        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal([ChatRole.User, ChatRole.Assistant], stored.Select(static m => m.Role));
        Assert.Equal("Hello, world.", stored[1].Text);
        Assert.Equal(EventAssert.Single<TextMessageStartEvent>(events).MessageId, stored[1].Id);
    }

    [Fact]
    public async Task By_default_the_model_streams()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Answer("Hi."));

        var (run, _) = await runtime.RunAsync("Hello", sessionId: null, r => r with { Delivery = RunEventDelivery.MergedDeltas });

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.True(Assert.Single(runtime.Client.Calls).Streamed);
    }

    [Fact]
    public async Task A_streamed_run_starts_without_waiting_for_a_model_that_blocks_its_thread()
    {
        await using var runtime = new TestRuntime();
        using var release = new ManualResetEventSlim();
        runtime.Client.Enqueue(_ =>
        {
            // A model that blocks the thread it is called on, before its first update.
            release.Wait(TestRuntime.Timeout * 3);
            return Updates.Answer("late");
        });

        // Started from another thread, so a start that waited for the model would show as a start that never returns.
        var starting = Task.Run(async () => await runtime.StartAsync("hi", sessionId: null));
        var run = await starting.WaitAsync(TestRuntime.Timeout);

        Assert.False(run.Completion.IsCompleted);
        release.Set();
        await run.EndAsync();
        Assert.Equal(AgentRunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Reasoning_text_and_server_tool_calls_of_whole_replies_run_the_same_loop()
    {
        var invocations = 0;
        await using var runtime = new TestRuntime(build: b => b.AddTool(
            (string city) =>
            {
                Interlocked.Increment(ref invocations);
                return $"Sunny in {city}";
            },
            "get_weather",
            "Weather of a city."));
        runtime.Client
            .Enqueue(Updates.Reasoning("Need the forecast."), Updates.Text("Let me look."), Updates.Call("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Oslo" }), Updates.Usage(20, 5), Updates.Finish(ChatFinishReason.ToolCalls))
            .Enqueue(Updates.Answer("It is sunny."));
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("Weather in Oslo?", sessionId, Whole);

        EventAssert.WellFormed(events, run.Id);
        Assert.Equal(1, invocations);
        Assert.All(runtime.Client.Calls, static c => Assert.False(c.Streamed));
        Assert.Equal(2, runtime.Client.Calls.Count);
        Assert.Equal(
            [
                AgentEventTypes.RunStarted,
                AgentEventTypes.ReasoningStart, AgentEventTypes.ReasoningMessageStart, AgentEventTypes.ReasoningMessageContent, AgentEventTypes.ReasoningMessageEnd, AgentEventTypes.ReasoningEnd,
                AgentEventTypes.TextMessageStart, AgentEventTypes.TextMessageContent, AgentEventTypes.TextMessageEnd,
                AgentEventTypes.ToolCallStart, AgentEventTypes.ToolCallArgs, AgentEventTypes.ToolCallEnd,
                AgentEventTypes.Custom,
                AgentEventTypes.ToolCallResult,
                AgentEventTypes.TextMessageStart, AgentEventTypes.TextMessageContent, AgentEventTypes.TextMessageEnd,
                AgentEventTypes.Custom,
                AgentEventTypes.RunFinished,
            ],
            EventAssert.Types(events));
        Assert.Equal("Oslo", System.Text.Json.JsonDocument.Parse(EventAssert.Single<ToolCallArgsEvent>(events).Delta).RootElement.GetProperty("city").GetString());
        Assert.Equal("Sunny in Oslo", EventAssert.Single<ToolCallResultEvent>(events).Content);

        // The second call saw the first reply and the tool's result, as a streamed run's would.
        var second = runtime.Client.Calls[1].Messages;
        Assert.Contains(second, static m => m.Role == ChatRole.Assistant && m.Contents.OfType<FunctionCallContent>().Any(static c => c.CallId == "call_1"));
        Assert.Contains(second, static m => m.Role == ChatRole.Tool && m.Contents.OfType<FunctionResultContent>().Any(static r => r.CallId == "call_1"));

        var usage = EventAssert.Last<RunFinishedEvent>(events).Usage;
        Assert.Equal(30, usage?.InputTokenCount);
        Assert.Equal(6, usage?.OutputTokenCount);
        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], stored.Select(static m => m.Role));
        Assert.Equal("It is sunny.", stored[3].Text);
    }

    [Fact]
    public async Task An_error_in_a_whole_reply_fails_the_run_as_a_provider_error()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Text("Partial"), new ChatResponseUpdate(ChatRole.Assistant, [new ErrorContent("quota exceeded") { ErrorCode = "quota" }]));

        var (run, events) = await runtime.RunAsync("Hello", sessionId: null, Whole);

        Assert.Equal(AgentRunStatus.Failed, run.Status);
        var error = EventAssert.Last<RunErrorEvent>(events);
        Assert.Equal(RunErrorCodes.ProviderError, error.Code);
        Assert.Contains("quota exceeded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_while_the_model_prepares_a_whole_reply_cancels_the_run_without_a_partial_message()
    {
        await using var runtime = new TestRuntime();
        var never = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("The first half")], never.Task, [Updates.Text(" never comes")]);
        var sessionId = await runtime.CreateSessionAsync();
        var run = await runtime.StartAsync("Tell me a story", sessionId, Whole);
        await reached.WaitAsync(TestRuntime.Timeout);

        Assert.True(run.RequestStop());
        await run.EndAsync();

        Assert.Equal(AgentRunStatus.Cancelled, run.Status);
        var events = await TestRuntime.ReadAllAsync(run);
        EventAssert.WellFormed(events, run.Id);
        Assert.Equal(RunErrorCodes.Cancelled, EventAssert.Last<RunErrorEvent>(events).Code);
        Assert.Empty(events.OfType<TextMessageContentEvent>());
        Assert.Equal([ChatRole.User], (await runtime.MessagesAsync(sessionId)).Select(static m => m.Role));
    }
}
