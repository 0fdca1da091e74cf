using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Agent;

public sealed class HistoryTests
{
    [Fact]
    public async Task Second_run_sends_the_instructions_then_the_earlier_messages_then_the_new_one()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Answer("Nice to meet you, Ada.")).Enqueue(Updates.Answer("You are Ada."));
        var sessionId = await runtime.CreateSessionAsync();

        await runtime.RunAsync("My name is Ada.", sessionId);
        await runtime.RunAsync("What is my name?", sessionId);

        var sent = runtime.Client.Calls[1].Messages;
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], sent.Select(static m => m.Role));
        Assert.Equal(["You are a test agent.", "My name is Ada.", "Nice to meet you, Ada.", "What is my name?"], sent.Select(static m => m.Text));
        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal(stored.Take(3).Select(static m => m.Id), sent.Skip(1).Select(static m => m.MessageId));
    }

    [Fact]
    public async Task Request_instructions_are_appended_to_the_system_message()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Answer("Ahoy."));

        await runtime.RunAsync("Hello", null, r => r with { Instructions = "Talk like a pirate." });

        var sent = Assert.Single(runtime.Client.Calls).Messages;
        var system = Assert.Single(sent, static m => m.Role == ChatRole.System);
        Assert.Same(sent[0], system);
        Assert.StartsWith("You are a test agent.", system.Text, StringComparison.Ordinal);
        Assert.EndsWith("Talk like a pirate.", system.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_instructions_alone_make_the_system_message_when_the_agent_has_none()
    {
        await using var runtime = new TestRuntime(o => o.Instructions = string.Empty);
        runtime.Client.Enqueue(Updates.Answer("Ahoy.")).Enqueue(Updates.Answer("Hi."));

        await runtime.RunAsync("Hello", null, r => r with { Instructions = "Talk like a pirate." });
        await runtime.RunAsync("Hello", null);

        Assert.Equal("Talk like a pirate.", runtime.Client.Calls[0].Messages[0].Text);
        Assert.Equal([ChatRole.User], runtime.Client.Calls[1].Messages.Select(static m => m.Role));
    }

    [Fact]
    public async Task History_window_never_starts_with_a_tool_message()
    {
        // The session holds [user, assistant(call), tool(result), assistant]; a window of 2 would open on the tool result.
        await using var runtime = new TestRuntime(
            o => o.Agent.HistoryMessages = 2,
            b => b.AddTool(() => "pong", "ping", "Pings."));
        runtime.Client
            .Enqueue(Updates.CallTool("c1", "ping"))
            .Enqueue(Updates.Answer("pong received"))
            .Enqueue(Updates.Answer("second answer"));
        var sessionId = await runtime.CreateSessionAsync();

        await runtime.RunAsync("ping", sessionId);
        await runtime.RunAsync("again", sessionId);

        var sent = runtime.Client.Calls[2].Messages;
        Assert.Equal(ChatRole.System, sent[0].Role);
        Assert.NotEqual(ChatRole.Tool, sent[1].Role);
        Assert.Equal([ChatRole.System, ChatRole.Assistant, ChatRole.User], sent.Select(static m => m.Role));
        Assert.Equal("pong received", sent[1].Text);
    }

    [Fact]
    public async Task History_window_keeps_only_the_newest_messages()
    {
        await using var runtime = new TestRuntime(o => o.Agent.HistoryMessages = 2);
        runtime.Client.Otherwise = call => Updates.Answer("answer " + runtime.Client.Calls.Count);
        var sessionId = await runtime.CreateSessionAsync();

        await runtime.RunAsync("one", sessionId);
        await runtime.RunAsync("two", sessionId);
        await runtime.RunAsync("three", sessionId);

        Assert.Equal(["You are a test agent.", "two", "answer 2", "three"], runtime.Client.Calls[2].Messages.Select(static m => m.Text));
        Assert.Equal(6, (await runtime.Store.GetAsync(sessionId))?.MessageCount);
    }

    [Fact]
    public async Task History_window_larger_than_one_store_page_is_sent_whole()
    {
        await using var runtime = new TestRuntime(o => o.Agent.HistoryMessages = 600);
        runtime.Client.Enqueue(Updates.Answer("ok"));
        var sessionId = await runtime.CreateSessionAsync("long");
        var earlier = Enumerable.Range(0, 700).Select(i => new StoredMessage
        {
            Id = "msg_old_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(i),
            Role = i % 2 == 0 ? ChatRole.User : ChatRole.Assistant,
            Contents = [new TextContent("old " + i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        }).ToList();
        await runtime.Store.AppendAsync(sessionId, earlier);

        await runtime.RunAsync("new", sessionId);

        var sent = Assert.Single(runtime.Client.Calls).Messages;
        Assert.Equal(602, sent.Count);
        Assert.Equal("old 100", sent[1].Text);
        Assert.Equal("old 699", sent[^2].Text);
        Assert.Equal(earlier.Skip(100).Select(static m => m.Id), sent.Skip(1).Take(600).Select(static m => m.MessageId));
    }

    [Fact]
    public async Task Runs_of_other_sessions_do_not_leak_into_the_history()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Otherwise = _ => Updates.Answer("ok");

        await runtime.RunAsync("secret of session A", await runtime.CreateSessionAsync());
        await runtime.RunAsync("hello from B", await runtime.CreateSessionAsync());

        Assert.DoesNotContain(runtime.Client.Calls[1].Messages, static m => m.Text.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chat_options_of_the_request_reach_the_model_but_its_tools_are_replaced()
    {
        await using var runtime = new TestRuntime(build: b => b.AddTool(() => "pong", "ping", "Pings."));
        runtime.Client.Enqueue(Updates.Answer("ok"));
        var requestOptions = new ChatOptions { Temperature = 0.25f, MaxOutputTokens = 77, Tools = [AIFunctionFactory.Create(() => "x", "smuggled")] };

        await runtime.RunAsync("hi", null, r => r with { ChatOptions = requestOptions });

        var sent = Assert.Single(runtime.Client.Calls).Options;
        Assert.NotNull(sent);
        Assert.Equal(0.25f, sent.Temperature);
        Assert.Equal(77, sent.MaxOutputTokens);
        Assert.Equal(["ping"], runtime.Client.Calls[0].ToolNames);
        Assert.Equal("smuggled", Assert.Single(requestOptions.Tools).Name);
    }

    [Fact]
    public async Task Without_any_tool_the_model_gets_no_tools()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Answer("ok"));

        await runtime.RunAsync("hi", null);

        var options = Assert.Single(runtime.Client.Calls).Options;
        Assert.True(options?.Tools is null || options.Tools.Count == 0);
        Assert.Null(options?.ToolMode);
    }
}
