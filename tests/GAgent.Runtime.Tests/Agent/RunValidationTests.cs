using GAgent.Models;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Agent;

public sealed class RunValidationTests
{
    [Fact]
    public async Task Empty_messages_are_rejected()
    {
        await using var runtime = new TestRuntime();

        await Assert.ThrowsAsync<ArgumentException>(async () => await runtime.Runner.StartAsync(new AgentRunRequest { Messages = [] }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await runtime.Runner.StartAsync(new AgentRunRequest { Messages = [new ChatMessage(ChatRole.User, (string?)null)] }));
        Assert.Empty(runtime.Client.Calls);
    }

    [Fact]
    public async Task Unknown_session_is_rejected()
    {
        await using var runtime = new TestRuntime();

        var ex = await Assert.ThrowsAsync<SessionNotFoundException>(async () => await runtime.StartAsync("hi", "no-such-session"));

        Assert.Equal("no-such-session", ex.SessionId);
    }

    [Fact]
    public async Task Invalid_session_id_is_rejected_as_an_argument()
    {
        await using var runtime = new TestRuntime();

        await Assert.ThrowsAsync<ArgumentException>(async () => await runtime.StartAsync("hi", "../etc/passwd"));
    }

    [Fact]
    public async Task Unknown_model_is_rejected()
    {
        await using var runtime = new TestRuntime();

        var ex = await Assert.ThrowsAsync<ModelNotFoundException>(async () => await runtime.StartAsync("hi", null, r => r with { ModelId = "gpt-nope" }));

        Assert.Equal("gpt-nope", ex.ModelId);
        Assert.Empty(runtime.Client.Calls);
    }

    [Fact]
    public async Task Client_tool_named_like_a_server_tool_is_rejected()
    {
        await using var runtime = new TestRuntime(build: b => b.AddTool(() => "pong", "ping", "Pings."));

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await runtime.StartAsync("hi", null, r => r with { ClientTools = [Declaration("ping")] }));

        Assert.Contains("ping", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_client_tools_are_rejected()
    {
        await using var runtime = new TestRuntime();

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await runtime.StartAsync("hi", null, r => r with { ClientTools = [Declaration("twice"), Declaration("twice")] }));

        Assert.Contains("twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_requests_leave_no_run_behind()
    {
        await using var runtime = new TestRuntime(o => o.Runs.MaxActiveRuns = 1);
        var sessionId = await runtime.CreateSessionAsync();
        await Assert.ThrowsAsync<ModelNotFoundException>(async () => await runtime.StartAsync("hi", sessionId, r => r with { ModelId = "nope" }));
        runtime.Client.Enqueue(Updates.Answer("fine"));

        var (run, _) = await runtime.RunAsync("hi", sessionId);

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.Equal(["hi", "fine"], (await runtime.MessagesAsync(sessionId)).Select(static m => m.Text));
    }

    private static AIFunctionDeclaration Declaration(string name)
        => AIFunctionFactory.CreateDeclaration(name, "A client tool.", System.Text.Json.JsonDocument.Parse("""{"type":"object"}""").RootElement);
}
