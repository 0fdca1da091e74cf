using GAgent.Configuration;
using GAgent.Events;
using GAgent.Routines;
using GAgent.Runs;
using GAgent.Runtime.Tests.Agent;
using GAgent.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GAgent.Runtime.Tests.Routines;

/// <summary>The runtime with routines, built through DI as a host builds it, on a <see cref="ManualClock"/>.</summary>
internal sealed class RoutineTestRuntime : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 8, 30, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    // The stores this runtime keeps on disk (every one not replaced by an in-memory store) are its own: tests run in parallel.
    private readonly string _dataDirectory = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));
    private readonly List<GAgentNotification> _notifications = [];
    private readonly IDisposable _subscription;
    private bool _started;

    public RoutineTestRuntime(ManualClock? clock = null, Action<GAgentOptions>? configure = null, Action<IGAgentBuilder>? build = null)
    {
        Clock = clock ?? new ManualClock(Start);
        Client = new ScriptedChatClient { Otherwise = call => Updates.Answer("Routine answer.") };
        var builder = new ServiceCollection()
            .AddLogging()
            .AddGAgentRuntime(o =>
            {
                o.DataDirectory = _dataDirectory;
                o.Instructions = "You are a test agent.";
                configure?.Invoke(o);
            })
            .UseInMemorySessionStore()
            .UseInMemoryRoutineStore()
            .AddChatClient(TestRuntime.ModelId, Client);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        build?.Invoke(builder);
        _provider = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _subscription = Bus.Subscribe(n =>
        {
            lock (_notifications)
            {
                _notifications.Add(n);
            }
        });
    }

    public ManualClock Clock { get; }

    public ScriptedChatClient Client { get; }

    public IServiceProvider Services => _provider;

    public IRoutineStore Store => _provider.GetRequiredService<IRoutineStore>();

    public ISessionStore Sessions => _provider.GetRequiredService<ISessionStore>();

    public IAgentRunner Runner => _provider.GetRequiredService<IAgentRunner>();

    internal RoutineManager Manager => _provider.GetRequiredService<RoutineManager>();

    internal RoutineScheduler Scheduler => _provider.GetRequiredService<RoutineScheduler>();

    public IGAgentEventBus Bus => _provider.GetRequiredService<IGAgentEventBus>();

    public List<GAgentNotification> Notifications
    {
        get
        {
            lock (_notifications)
            {
                return [.. _notifications];
            }
        }
    }

    /// <summary>Starts the scheduler and waits until it sleeps for the first time.</summary>
    public async Task StartSchedulerAsync()
    {
        _started = true;
        await Scheduler.StartAsync(CancellationToken.None);
        await WaitForSleepAsync(1);
    }

    public async Task WaitForSleepAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TestRuntime.Timeout);
        await Scheduler.WaitForSleepAsync(count, timeout.Token);
    }

    /// <summary>Moves the clock and waits until the scheduler has handled it and sleeps again.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var sleeps = Scheduler.SleepCount;
        Clock.Advance(by);
        await WaitForSleepAsync(sleeps + 1);
    }

    /// <summary>Jumps the clock (see <see cref="ManualClock.Jump"/>) and waits until the scheduler has handled it and sleeps again.</summary>
    public async Task JumpAsync(TimeSpan by)
    {
        var sleeps = Scheduler.SleepCount;
        Clock.Jump(by);
        await WaitForSleepAsync(sleeps + 1);
    }

    public async Task<string> CreateSessionAsync(string id = "s1")
        => (await Sessions.CreateAsync(new NewSession { Id = id })).Id;

    public Task<Routine> CreateRoutineAsync(string id, RoutineSchedule schedule, bool enabled = true, RoutineTarget? target = null)
        => Manager.CreateAsync(id, new RoutineDefinition { Name = id, Prompt = $"Prompt of {id}", Schedule = schedule, Target = target ?? RoutineTarget.Session("s1"), Enabled = enabled }, CancellationToken.None);

    /// <summary>Waits until the routine's last run satisfies <paramref name="condition"/>.</summary>
    public async Task<Routine> WaitForRunAsync(string id, Func<RoutineRun, bool> condition)
    {
        var deadline = DateTime.UtcNow + TestRuntime.Timeout;
        while (true)
        {
            var routine = await Store.GetAsync(id);
            if (routine is { LastRun: { } run } && condition(run))
            {
                return routine;
            }

            if (DateTime.UtcNow > deadline)
            {
                // Says where things stood, so a rare stall on CI can be diagnosed from the log alone.
                var last = routine?.LastRun;
                throw new TimeoutException(
                    $"Routine '{id}' did not reach the awaited run state within {TestRuntime.Timeout.TotalSeconds:0} s: "
                    + $"{(routine is null ? "no such routine" : last is null ? "no run recorded" : $"last run {last.RunId} {last.Status} ({last.Error})")}; "
                    + $"clock {Clock.GetUtcNow():O}, next run at {routine?.NextRunAt:O}, scheduler slept {Scheduler.SleepCount} times, model called {Client.Calls.Count} times.");
            }

            await Task.Delay(5);
        }
    }

    public Task<Routine> WaitForFinishedRunAsync(string id) => WaitForRunAsync(id, r => r.Status != RoutineRunStatus.Running);

    public async Task<IReadOnlyList<StoredMessage>> MessagesAsync(string sessionId)
        => (await Sessions.ReadMessagesAsync(sessionId, new MessageQuery { Limit = MessageQuery.MaxLimit })).Items;

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        if (_started)
        {
            await Scheduler.StopAsync(CancellationToken.None);
        }

        await _provider.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
