using System.Globalization;
using GAgent.Events;
using GAgent.Models;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Demo;

public sealed class DemoRuntimeTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly ServiceProvider _provider = new ServiceCollection()
        .AddLogging()
        .AddGAgentRuntime()
        .UseInMemorySessionStore()
        .UseOfflineDemoModel(o => o.WordDelay = TimeSpan.Zero)
        .Services.BuildServiceProvider();

    [Fact]
    public async Task Calculation_runs_the_real_calculate_tool_and_answers_with_the_result()
    {
        var store = _provider.GetRequiredService<ISessionStore>();
        var session = await store.CreateAsync(new NewSession());

        var (run, events) = await RunAsync("What is 12*7?", session.Id);

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.Equal("gagent-demo", run.ModelId);
        var start = Assert.Single(events.OfType<ToolCallStartEvent>());
        Assert.Equal("calculate", start.ToolCallName);
        Assert.False(start.ClientSide);
        var result = Assert.Single(events.OfType<ToolCallResultEvent>());
        Assert.False(result.IsError);
        Assert.Equal("84", result.Content);
        var finalText = string.Concat(events.OfType<TextMessageContentEvent>().SkipWhile(e => e.Sequence < result.Sequence).Select(static e => e.Delta));
        Assert.Contains("84", finalText, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, Assert.IsType<RunFinishedEvent>(events[^1]).FinishReason);

        var stored = (await store.ReadMessagesAsync(session.Id, new MessageQuery())).Items;
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], stored.Select(static m => m.Role));
        Assert.Contains("= 84", stored[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_question_runs_the_current_time_tool()
    {
        var (run, events) = await RunAsync("what time is it?", null);

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        var result = Assert.Single(events.OfType<ToolCallResultEvent>());
        Assert.False(result.IsError);
        var now = DateTimeOffset.ParseExact(result.Content, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.True(Math.Abs((DateTimeOffset.UtcNow - now).TotalDays) < 1, "current_time must report the clock's time.");
        Assert.Contains("the current time is " + result.Content, string.Concat(events.OfType<TextMessageContentEvent>().Select(static e => e.Delta)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arithmetic_reaches_the_model_as_a_tool_error()
    {
        var (run, events) = await RunAsync("what is 1 / 0", null);

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        var result = Assert.Single(events.OfType<ToolCallResultEvent>());
        Assert.True(result.IsError);
        Assert.Contains("calculate", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_model_is_listed_as_demo_and_is_the_default_when_alone()
    {
        var catalog = _provider.GetRequiredService<IModelCatalog>();

        var model = Assert.Single(catalog.Models);
        Assert.True(model.IsDemo);
        Assert.Equal("gagent-demo", catalog.DefaultModel.Id);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private async Task<(IAgentRun Run, List<AgentEvent> Events)> RunAsync(string text, string? sessionId)
    {
        var runner = _provider.GetRequiredService<IAgentRunner>();
        var run = await runner.StartAsync(new AgentRunRequest { SessionId = sessionId, Messages = [new ChatMessage(ChatRole.User, text)] });
        await run.Completion.WaitAsync(Timeout);
        using var cancel = new CancellationTokenSource(Timeout);
        var events = new List<AgentEvent>();
        await foreach (var agentEvent in run.ReadEventsAsync(0, cancel.Token))
        {
            events.Add(agentEvent);
        }

        return (run, events);
    }
}
