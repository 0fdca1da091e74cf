using System.Text.Json;
using GAgent.Events;
using GAgent.Runs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Agent;

public sealed class ClientToolTests
{
    private static readonly JsonElement ContactSchema = JsonDocument.Parse("""{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""").RootElement;

    [Fact]
    public async Task Call_of_a_client_tool_is_returned_not_run_and_the_run_finishes_with_tool_calls()
    {
        await using var runtime = new TestRuntime(build: b => b.AddTool(() => "pong", "ping", "Pings."));
        runtime.Client.Enqueue(Updates.CallTool("call_c1", "lookup_contact", new Dictionary<string, object?> { ["name"] = "Ada" }));
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("Find Ada", sessionId, r => r with { ClientTools = [Contact()] });

        EventAssert.WellFormed(events, run.Id);
        var start = EventAssert.Single<ToolCallStartEvent>(events);
        Assert.True(start.ClientSide);
        Assert.Equal("lookup_contact", start.ToolCallName);
        using (var args = JsonDocument.Parse(EventAssert.Single<ToolCallArgsEvent>(events).Delta))
        {
            Assert.Equal("Ada", args.RootElement.GetProperty("name").GetString());
        }

        Assert.Empty(events.OfType<ToolCallResultEvent>());
        Assert.Equal(ChatFinishReason.ToolCalls, EventAssert.Last<RunFinishedEvent>(events).FinishReason);
        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.Equal(ChatFinishReason.ToolCalls, run.FinishReason);

        var only = Assert.Single(runtime.Client.Calls);
        Assert.Equal(["ping", "lookup_contact"], only.ToolNames);

        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal([ChatRole.User, ChatRole.Assistant], stored.Select(static m => m.Role));
        Assert.Equal("call_c1", Assert.Single(stored[1].Contents.OfType<FunctionCallContent>()).CallId);
    }

    [Fact]
    public async Task Mixed_turn_runs_the_server_call_and_returns_the_client_call()
    {
        var serverRuns = 0;
        await using var runtime = new TestRuntime(build: b => b.AddTool(
            () =>
            {
                Interlocked.Increment(ref serverRuns);
                return "pong";
            },
            "ping",
            "Pings."));
        runtime.Client.Enqueue(
            Updates.Call("call_s", "ping"),
            Updates.Call("call_c", "lookup_contact", new Dictionary<string, object?> { ["name"] = "Ada" }),
            Updates.Finish(ChatFinishReason.ToolCalls));
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("ping and find Ada", sessionId, r => r with { ClientTools = [Contact()] });

        Assert.Equal(1, serverRuns);
        var starts = events.OfType<ToolCallStartEvent>().ToList();
        Assert.Equal([("call_s", false), ("call_c", true)], starts.Select(static s => (s.ToolCallId, s.ClientSide)));
        var result = EventAssert.Single<ToolCallResultEvent>(events);
        Assert.Equal("call_s", result.ToolCallId);
        Assert.Equal("pong", result.Content);
        Assert.Equal(ChatFinishReason.ToolCalls, EventAssert.Last<RunFinishedEvent>(events).FinishReason);
        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.Single(runtime.Client.Calls);

        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool], stored.Select(static m => m.Role));
        Assert.Equal(["call_s", "call_c"], stored[1].Contents.OfType<FunctionCallContent>().Select(static c => c.CallId));
        Assert.Equal("call_s", Assert.Single(stored[2].Contents.OfType<FunctionResultContent>()).CallId);
    }

    [Fact]
    public async Task Client_continues_with_its_tool_result_and_the_model_sees_the_whole_exchange()
    {
        await using var runtime = new TestRuntime();
        runtime.Client
            .Enqueue(Updates.CallTool("call_c", "lookup_contact", new Dictionary<string, object?> { ["name"] = "Ada" }))
            .Enqueue(Updates.Answer("Ada's number is 123."));
        var sessionId = await runtime.CreateSessionAsync();
        await runtime.RunAsync("Find Ada", sessionId, r => r with { ClientTools = [Contact()] });

        var toolResult = new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_c", "123")]);
        var run = await runtime.Runner.StartAsync(new AgentRunRequest { SessionId = sessionId, Messages = [toolResult], ClientTools = [Contact()] });
        await run.EndAsync();

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.Equal(ChatFinishReason.Stop, run.FinishReason);
        var sent = runtime.Client.Calls[1].Messages;
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool], sent.Select(static m => m.Role));
        Assert.Equal("call_c", Assert.Single(sent[3].Contents.OfType<FunctionResultContent>()).CallId);
    }

    [Fact]
    public async Task A_session_whose_client_never_answered_its_tool_call_still_works_on_the_next_message()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.CallTool("call_c1", "lookup_contact", new Dictionary<string, object?> { ["name"] = "Ada" }));
        runtime.Client.Enqueue(Updates.Text("Here is a joke."));
        var sessionId = await runtime.CreateSessionAsync();
        await runtime.RunAsync("Find Ada", sessionId, r => r with { ClientTools = [Contact()] });

        var (run, _) = await runtime.RunAsync("Never mind, tell me a joke", sessionId);

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        var sent = runtime.Client.Calls[1].Messages;
        Assert.DoesNotContain(sent, m => m.Contents.OfType<FunctionCallContent>().Any());
        Assert.Equal("Never mind, tell me a joke", sent[^1].Text);
    }

    private static AIFunctionDeclaration Contact() => AIFunctionFactory.CreateDeclaration("lookup_contact", "Finds a contact by name.", ContactSchema);
}
