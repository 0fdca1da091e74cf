using System.Text.Json;
using GAgent.Events;
using GAgent.Runs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Agent;

public sealed class TextRunTests
{
    [Fact]
    public async Task Text_run_journals_one_message_usage_and_finish_and_persists_both_messages()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Text("Hello"), Updates.Text(", "), Updates.Text("world."), Updates.Usage(12, 3), Updates.Finish(ChatFinishReason.Stop));
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("Say hello", sessionId);

        EventAssert.WellFormed(events, run.Id);
        Assert.Equal(
            [AgentEventTypes.RunStarted, AgentEventTypes.TextMessageStart, AgentEventTypes.TextMessageContent, AgentEventTypes.TextMessageContent, AgentEventTypes.TextMessageContent, AgentEventTypes.TextMessageEnd, AgentEventTypes.Custom, AgentEventTypes.RunFinished],
            EventAssert.Types(events));
        Assert.All(events, e => Assert.Equal(sessionId, e.SessionId));
        var started = Assert.IsType<RunStartedEvent>(events[0]);
        Assert.Equal(TestRuntime.ModelId, started.ModelId);

        var messageId = Assert.IsType<TextMessageStartEvent>(events[1]).MessageId;
        Assert.Equal("assistant", Assert.IsType<TextMessageStartEvent>(events[1]).Role);
        Assert.All(events.OfType<TextMessageContentEvent>(), e => Assert.Equal(messageId, e.MessageId));
        Assert.Equal(messageId, EventAssert.Single<TextMessageEndEvent>(events).MessageId);
        Assert.Equal("Hello, world.", string.Concat(events.OfType<TextMessageContentEvent>().Select(static e => e.Delta)));

        var usage = EventAssert.Single<CustomEvent>(events);
        Assert.Equal(GAgentEventNames.Usage, usage.Name);
        Assert.Equal(12, usage.Value.GetProperty("inputTokens").GetInt64());
        Assert.Equal(3, usage.Value.GetProperty("outputTokens").GetInt64());
        Assert.Equal(15, usage.Value.GetProperty("totalTokens").GetInt64());

        var finished = EventAssert.Last<RunFinishedEvent>(events);
        Assert.Equal(RunOutcome.Success, finished.Outcome);
        Assert.Equal(ChatFinishReason.Stop, finished.FinishReason);
        Assert.Equal(12, finished.Usage?.InputTokenCount);
        Assert.Equal(3, finished.Usage?.OutputTokenCount);

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.Equal(ChatFinishReason.Stop, run.FinishReason);
        Assert.Null(run.ErrorMessage);
        Assert.NotNull(run.CompletedAt);
        Assert.Equal(events.Count, run.LastSequence);
        Assert.True(run.IsPersistent);

        var messages = await runtime.MessagesAsync(sessionId);
        Assert.Equal(2, messages.Count);
        Assert.Equal(ChatRole.User, messages[0].Role);
        Assert.Equal("Say hello", messages[0].Text);
        Assert.Equal(run.Id, messages[0].RunId);
        Assert.Equal(ChatRole.Assistant, messages[1].Role);
        Assert.Equal("Hello, world.", messages[1].Text);
        Assert.Equal(messageId, messages[1].Id);
        Assert.Equal(run.Id, messages[1].RunId);
        Assert.Equal(Updates.ModelId, messages[1].ModelId);
        Assert.Equal(12, messages[1].Usage?.InputTokenCount);
    }

    [Fact]
    public async Task Usage_is_summed_over_every_model_call_of_the_run()
    {
        await using var runtime = new TestRuntime(build: b => b.AddTool(() => "pong", "ping", "Answers pong."));
        runtime.Client
            .Enqueue(Updates.Call("call_1", "ping"), Updates.Usage(100, 7), Updates.Finish(ChatFinishReason.ToolCalls))
            .Enqueue(Updates.Text("pong it is"), Updates.Usage(130, 4), Updates.Finish(ChatFinishReason.Stop));

        var (run, events) = await runtime.RunAsync("ping please", await runtime.CreateSessionAsync());

        Assert.Equal(2, events.OfType<CustomEvent>().Count(static e => e.Name == GAgentEventNames.Usage));
        var finished = EventAssert.Last<RunFinishedEvent>(events);
        Assert.Equal(230, finished.Usage?.InputTokenCount);
        Assert.Equal(11, finished.Usage?.OutputTokenCount);
        Assert.Equal(241, finished.Usage?.TotalTokenCount);
        Assert.Equal(230, run.Usage.InputTokenCount);
        Assert.Equal(11, run.Usage.OutputTokenCount);
    }

    [Fact]
    public async Task A_model_that_reports_no_finish_reason_finishes_with_stop()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Text("done"));

        var (run, events) = await runtime.RunAsync("hi", null);

        Assert.Equal(ChatFinishReason.Stop, EventAssert.Last<RunFinishedEvent>(events).FinishReason);
        Assert.Empty(events.OfType<CustomEvent>());
        Assert.Equal(AgentRunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Empty_model_answer_is_not_stored_as_an_empty_assistant_message()
    {
        // Models reject an assistant message with neither content nor tool calls when it comes back as history.
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Usage(9, 0), Updates.Finish(ChatFinishReason.Stop)).Enqueue(Updates.Answer("second"));
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("first", sessionId);
        await runtime.RunAsync("again", sessionId);

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.Equal([AgentEventTypes.RunStarted, AgentEventTypes.Custom, AgentEventTypes.RunFinished], EventAssert.Types(events));
        Assert.Equal(9, run.Usage.InputTokenCount);
        Assert.All(await runtime.MessagesAsync(sessionId), m => Assert.NotEmpty(m.Contents));
        Assert.All(runtime.Client.Calls[1].Messages, m => Assert.NotEmpty(m.Contents));
    }

    [Fact]
    public async Task A_run_started_for_its_result_keeps_each_message_as_one_delta_while_nobody_follows_it()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Reasoning("Thinking "), Updates.Reasoning("hard."), Updates.Text("Hello"), Updates.Text(", "), Updates.Text("world."), Updates.Finish(ChatFinishReason.Stop));
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("Say hello", sessionId, static r => r with { Delivery = RunEventDelivery.MergedDeltas });

        EventAssert.WellFormed(events, run.Id);
        Assert.Equal("Thinking hard.", Assert.Single(events.OfType<ReasoningMessageContentEvent>()).Delta);
        Assert.Equal("Hello, world.", Assert.Single(events.OfType<TextMessageContentEvent>()).Delta);
        Assert.Equal("Hello, world.", (await runtime.MessagesAsync(sessionId))[^1].Text);
    }

    [Fact]
    public async Task A_reader_following_the_run_live_gets_every_delta_as_its_own_event()
    {
        await using var runtime = new TestRuntime();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = runtime.Client.EnqueueGated([Updates.Reasoning("Hm")], gate.Task, [Updates.Reasoning("m."), Updates.Text("One"), Updates.Text(" two"), Updates.Text(" three."), Updates.Finish(ChatFinishReason.Stop)]);
        var sessionId = await runtime.CreateSessionAsync();
        var run = await runtime.StartAsync("Count", sessionId);
        await reached.WaitAsync(TestRuntime.Timeout);

        // The reader is registered before the model continues: an async method runs synchronously up to its first wait.
        var reading = TestRuntime.ReadAllAsync(run);
        gate.SetResult();
        var events = await reading;

        EventAssert.WellFormed(events, run.Id);
        Assert.Equal(["Hm", "m."], events.OfType<ReasoningMessageContentEvent>().Select(static e => e.Delta));
        Assert.Equal(["One", " two", " three."], events.OfType<TextMessageContentEvent>().Select(static e => e.Delta));
    }

    [Fact]
    public async Task Reasoning_is_journaled_as_its_own_message_before_the_text()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Reasoning("Thinking "), Updates.Reasoning("hard."), Updates.Text("Answer."), Updates.Finish(ChatFinishReason.Stop));
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("Why?", sessionId);

        EventAssert.WellFormed(events, run.Id);
        Assert.Equal(
            [
                AgentEventTypes.RunStarted,
                AgentEventTypes.ReasoningStart, AgentEventTypes.ReasoningMessageStart,
                AgentEventTypes.ReasoningMessageContent, AgentEventTypes.ReasoningMessageContent,
                AgentEventTypes.ReasoningMessageEnd, AgentEventTypes.ReasoningEnd,
                AgentEventTypes.TextMessageStart, AgentEventTypes.TextMessageContent, AgentEventTypes.TextMessageEnd,
                AgentEventTypes.RunFinished,
            ],
            EventAssert.Types(events));
        var reasoningId = EventAssert.Single<ReasoningStartEvent>(events).MessageId;
        Assert.Equal(reasoningId, EventAssert.Single<ReasoningMessageStartEvent>(events).MessageId);
        Assert.Equal(reasoningId, EventAssert.Single<ReasoningEndEvent>(events).MessageId);
        Assert.Equal("Thinking hard.", string.Concat(events.OfType<ReasoningMessageContentEvent>().Select(static e => e.Delta)));
        Assert.NotEqual(reasoningId, EventAssert.Single<TextMessageStartEvent>(events).MessageId);

        var assistant = (await runtime.MessagesAsync(sessionId))[^1];
        Assert.Equal("Answer.", assistant.Text);
        Assert.Equal("Thinking hard.", Assert.Single(assistant.Contents.OfType<TextReasoningContent>()).Text);
    }

    [Fact]
    public async Task Reasoning_only_answer_is_closed_before_the_run_finishes()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Reasoning("hmm"), Updates.Finish(ChatFinishReason.Stop));

        var (_, events) = await runtime.RunAsync("?", null);

        Assert.Equal(
            [AgentEventTypes.RunStarted, AgentEventTypes.ReasoningStart, AgentEventTypes.ReasoningMessageStart, AgentEventTypes.ReasoningMessageContent, AgentEventTypes.ReasoningMessageEnd, AgentEventTypes.ReasoningEnd, AgentEventTypes.RunFinished],
            EventAssert.Types(events));
    }

    [Fact]
    public async Task Session_title_is_set_from_the_first_user_message()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Answer("ok")).Enqueue(Updates.Answer("ok again"));
        var sessionId = await runtime.CreateSessionAsync();

        await runtime.RunAsync("  Plan my\nweekend trip  ", sessionId);
        await runtime.RunAsync("A second message must not rename the session", sessionId);

        Assert.Equal("Plan my weekend trip", (await runtime.Store.GetAsync(sessionId))?.Title);
    }

    [Fact]
    public async Task Long_first_message_becomes_a_60_character_title_with_an_ellipsis()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Answer("ok"));
        var sessionId = await runtime.CreateSessionAsync();
        var text = string.Concat(Enumerable.Repeat("abcdefghij", 10));

        await runtime.RunAsync(text, sessionId);

        var title = (await runtime.Store.GetAsync(sessionId))?.Title;
        Assert.NotNull(title);
        Assert.Equal(60, title.Length);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.Equal(text[..59], title[..59]);
    }

    [Fact]
    public async Task A_message_of_exactly_60_characters_is_kept_whole()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Answer("ok"));
        var sessionId = await runtime.CreateSessionAsync();
        var text = new string('x', 60);

        await runtime.RunAsync(text, sessionId);

        Assert.Equal(text, (await runtime.Store.GetAsync(sessionId))?.Title);
    }

    [Fact]
    public async Task An_existing_title_is_not_replaced()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Answer("ok"));
        var sessionId = await runtime.CreateSessionAsync("My title");

        await runtime.RunAsync("something else", sessionId);

        Assert.Equal("My title", (await runtime.Store.GetAsync(sessionId))?.Title);
    }

    [Fact]
    public async Task Events_can_be_read_while_the_run_is_live_and_again_after_it_ended()
    {
        await using var runtime = new TestRuntime();
        var gate = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("part one ")], gate.Task, [Updates.Text("part two"), Updates.Finish(ChatFinishReason.Stop)]);
        var run = await runtime.StartAsync("go", await runtime.CreateSessionAsync());
        await reached.WaitAsync(TestRuntime.Timeout);

        var live = TestRuntime.ReadAllAsync(run);
        var fromMiddle = TestRuntime.ReadAllAsync(run, 2);
        gate.SetResult();
        await run.EndAsync();

        var replay = await TestRuntime.ReadAllAsync(run);
        Assert.Equal(EventAssert.Types(replay), EventAssert.Types(await live));
        Assert.Equal(replay.Skip(2).Select(static e => e.Sequence), (await fromMiddle).Select(static e => e.Sequence));
        Assert.IsType<RunFinishedEvent>(replay[^1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => run.ReadEventsAsync(-1));
    }

    [Fact]
    public async Task Usage_event_value_is_camel_case_json()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Answer("x"));

        var (_, events) = await runtime.RunAsync("hi", null);

        var value = EventAssert.Single<CustomEvent>(events).Value;
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        Assert.Equal(["inputTokens", "outputTokens", "totalTokens"], value.EnumerateObject().Select(static p => p.Name));
    }

    [Fact]
    public async Task Fragments_the_model_has_ready_reach_a_live_reader_before_the_model_waits_again()
    {
        await using var runtime = new TestRuntime();
        var gate = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("a"), Updates.Text("b"), Updates.Text("c")], gate.Task, [Updates.Text("d"), Updates.Finish(ChatFinishReason.Stop)]);
        var run = await runtime.StartAsync("letters", sessionId: null);
        await reached.WaitAsync(TestRuntime.Timeout);

        // The model now waits on the gate: the three fragments it had ready must not wait with it.
        var seen = new List<string>();
        await using (var reader = run.ReadEventsAsync(0).GetAsyncEnumerator())
        {
            while (seen.Count < 3)
            {
                Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(TestRuntime.Timeout));
                if (reader.Current is TextMessageContentEvent content)
                {
                    seen.Add(content.Delta);
                }
            }
        }

        Assert.Equal(["a", "b", "c"], seen);
        Assert.False(run.Completion.IsCompleted);
        gate.SetResult();
        await run.EndAsync();
        var events = await TestRuntime.ReadAllAsync(run);
        EventAssert.WellFormed(events, run.Id);
        Assert.Equal(["a", "b", "c", "d"], events.OfType<TextMessageContentEvent>().Select(static e => e.Delta));
    }

    [Fact]
    public async Task A_long_burst_of_fragments_keeps_one_event_per_fragment_in_order()
    {
        await using var runtime = new TestRuntime();
        var pieces = Enumerable.Range(0, 3 * GAgent.Agent.RunEventWriter.MaxHeldDeltas + 5).Select(static i => "t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ").ToArray();
        runtime.Client.Enqueue((_, _) => Burst(pieces));

        var (run, events) = await runtime.RunAsync("count", sessionId: null);

        EventAssert.WellFormed(events, run.Id);
        Assert.Equal(pieces, events.OfType<TextMessageContentEvent>().Select(static e => e.Delta));
        Assert.Equal(AgentRunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task A_burst_that_switches_between_reasoning_and_text_keeps_every_fragment_in_order()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue((_, _) => Mixed());

        var (run, events) = await runtime.RunAsync("think aloud", sessionId: null);

        EventAssert.WellFormed(events, run.Id);
        var fragments = events.Select(static e => e switch
        {
            ReasoningMessageContentEvent r => "r:" + r.Delta,
            TextMessageContentEvent t => "t:" + t.Delta,
            _ => null,
        }).OfType<string>();
        Assert.Equal(["r:a", "r:b", "t:1", "t:2", "r:c", "t:3", "t:4"], fragments);
        Assert.Equal(AgentRunStatus.Completed, run.Status);

        static async IAsyncEnumerable<ChatResponseUpdate> Mixed()
        {
            await Task.Yield();
            yield return Updates.Reasoning("a");
            yield return Updates.Reasoning("b");
            yield return Updates.Text("1");
            yield return Updates.Text("2");
            yield return Updates.Reasoning("c");
            yield return Updates.Text("3");
            yield return Updates.Text("4");
            yield return Updates.Finish(ChatFinishReason.Stop);
        }
    }

    /// <summary>Every fragment at once, as a fast model or a provider's buffered chunks arrive.</summary>
    private static async IAsyncEnumerable<ChatResponseUpdate> Burst(string[] pieces)
    {
        await Task.Yield();
        foreach (var piece in pieces)
        {
            yield return Updates.Text(piece);
        }

        yield return Updates.Finish(ChatFinishReason.Stop);
    }
}
