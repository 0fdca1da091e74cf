using GAgent.Events;
using GAgent.Configuration;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Agent;

/// <summary>The runtime built through DI as a user builds it, over a <see cref="ScriptedChatClient"/> and the in-memory store.</summary>
internal sealed class TestRuntime : IAsyncDisposable
{
    public const string ModelId = "scripted";
    /// <summary>
    /// How long a test waits for something that should happen at once. It only catches hangs, so it is generous: on a
    /// loaded two-core CI runner a run that takes milliseconds here once stalled past 10 s.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _provider;

    public TestRuntime(Action<GAgentOptions>? configure = null, Action<IGAgentBuilder>? build = null, ScriptedChatClient? client = null)
    {
        Client = client ?? new ScriptedChatClient();
        var builder = new ServiceCollection()
            .AddLogging()
            .AddGAgentRuntime(o =>
            {
                o.Instructions = "You are a test agent.";
                o.Memory.Tools = false;
                o.Learning.Enabled = false;
                configure?.Invoke(o);
            })
            .UseInMemorySessionStore()
            .UseInMemoryProfileStore()
            .UseInMemoryMemoryStore()
            .UseInMemorySkillStore()
            .UseInMemoryApprovalStore()
            .AddChatClient(ModelId, Client);
        build?.Invoke(builder);
        _provider = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Runner = _provider.GetRequiredService<IAgentRunner>();
        Store = _provider.GetRequiredService<ISessionStore>();
    }

    public ScriptedChatClient Client { get; }

    public IAgentRunner Runner { get; }

    public ISessionStore Store { get; }

    public IServiceProvider Services => _provider;

    public static ChatMessage User(string text) => new(ChatRole.User, text);

    public static async Task<List<AgentEvent>> ReadAllAsync(IAgentRun run, long afterSequence = 0)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var events = new List<AgentEvent>();
        await foreach (var agentEvent in run.ReadEventsAsync(afterSequence, timeout.Token))
        {
            events.Add(agentEvent);
        }

        return events;
    }

    public async Task<string> CreateSessionAsync(string? title = null)
        => (await Store.CreateAsync(new NewSession { Title = title })).Id;

    public ValueTask<IAgentRun> StartAsync(string text, string? sessionId, Func<AgentRunRequest, AgentRunRequest>? adjust = null)
    {
        var request = new AgentRunRequest { SessionId = sessionId, Messages = [User(text)] };
        return Runner.StartAsync(adjust is null ? request : adjust(request));
    }

    /// <summary>Starts a run, waits for it to end and returns it with its whole journal.</summary>
    public async Task<(IAgentRun Run, List<AgentEvent> Events)> RunAsync(string text, string? sessionId, Func<AgentRunRequest, AgentRunRequest>? adjust = null)
    {
        var run = await StartAsync(text, sessionId, adjust);
        await run.Completion.WaitAsync(Timeout);
        return (run, await ReadAllAsync(run));
    }

    public async Task<IReadOnlyList<StoredMessage>> MessagesAsync(string sessionId)
        => (await Store.ReadMessagesAsync(sessionId, new MessageQuery { Limit = MessageQuery.MaxLimit })).Items;

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
