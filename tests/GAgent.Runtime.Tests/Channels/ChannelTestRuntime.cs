using GAgent.Channels;
using GAgent.Configuration;
using GAgent.Runtime.Tests.Agent;
using GAgent.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Channels;

/// <summary>The runtime with channels, built through DI as a host builds it, with fast restart backoff.</summary>
internal sealed class ChannelTestRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    // The stores this runtime keeps on disk (every one not replaced by an in-memory store) are its own: tests run in parallel.
    private readonly string _dataDirectory = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));

    public ChannelTestRuntime(Action<IGAgentBuilder> build, Action<GAgentOptions>? configure = null)
    {
        Client = new ScriptedChatClient();
        var builder = new ServiceCollection()
            .AddLogging()
            .AddGAgentRuntime(o =>
            {
                o.DataDirectory = _dataDirectory;
                o.ChannelRestart.InitialDelay = TimeSpan.FromMilliseconds(20);
                o.ChannelRestart.MaxDelay = TimeSpan.FromMilliseconds(80);
                configure?.Invoke(o);
            })
            .UseInMemorySessionStore()
            .AddChatClient(TestRuntime.ModelId, Client);
        build(builder);
        _provider = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Manager = _provider.GetRequiredService<ChannelManager>();
        Store = _provider.GetRequiredService<ISessionStore>();
    }

    public ScriptedChatClient Client { get; }

    public ChannelManager Manager { get; }

    public ISessionStore Store { get; }

    public IServiceProvider Services => _provider;

    public async Task StartAsync(FakeChannel channel)
    {
        await Manager.StartAsync(CancellationToken.None);
        await channel.Running.WaitAsync(TestRuntime.Timeout);
        await WaitForAsync(() => Manager.GetStatus(channel.Name).State == ChannelState.Running);
    }

    public static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TestRuntime.Timeout);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Manager.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
