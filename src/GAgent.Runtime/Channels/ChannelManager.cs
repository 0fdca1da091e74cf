using System.Collections.Concurrent;
using GAgent.Configuration;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GAgent.Channels;

/// <summary>
/// Hosts the channels added with <c>AddChannel</c>: starts each enabled channel when the host starts, restarts a channel
/// whose start throws or that reports a fault (exponential backoff, <see cref="GAgentOptions.ChannelRestart"/>), tracks
/// each channel's <see cref="ChannelStatus"/>, and stops them all, waiting for replies being delivered, on shutdown.
/// </summary>
public sealed class ChannelManager : IHostedService, IDisposable
{
    private readonly Lazy<IReadOnlyList<ChannelSupervisor>> _supervisors;
    private readonly ConcurrentDictionary<Task, byte> _deliveries = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private int _disposed;
    private Action? _unsubscribe;

    /// <summary>Created by the container; channels are instantiated on first use.</summary>
    public ChannelManager(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _supervisors = new Lazy<IReadOnlyList<ChannelSupervisor>>(() => CreateSupervisors(services));
    }

    /// <summary>The registered channels, in registration order.</summary>
    public IReadOnlyList<IChannel> Channels => [.. _supervisors.Value.Select(static s => s.Channel)];

    /// <summary>The status of the channel named <paramref name="channelName"/>.</summary>
    /// <exception cref="KeyNotFoundException">No channel has the name.</exception>
    public ChannelStatus GetStatus(string channelName)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        return Find(channelName)?.Status ?? throw new KeyNotFoundException($"No channel is named '{channelName}'.");
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Two channels share a name, a name is invalid, or the restart options are inconsistent.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Channels start in the background: a slow or failing channel never holds up the host.
        foreach (var supervisor in _supervisors.Value.Where(static s => s.Status.Enabled))
        {
            _loops.Add(Task.Run(() => supervisor.RunAsync(_stopping.Token), CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host torn down without a clean stop may dispose the manager first; there is nothing left to stop then.
        if (!_supervisors.IsValueCreated || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_deliveries.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_supervisors.Value.Select(s => s.StopAsync(cancellationToken))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _unsubscribe?.Invoke();
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    /// <summary>
    /// Sends the final answer of <paramref name="run"/> to <paramref name="conversationId"/> through the channel (used by
    /// routines with a channel target). Completes with null once delivered, or with the reason it was not.
    /// </summary>
    internal Task<string?> DeliverAsync(string channelName, string conversationId, IAgentRun run)
        => Find(channelName) is { } supervisor
            ? supervisor.DeliverAsync(conversationId, run)
            : Task.FromResult<string?>($"No channel is named '{channelName}'.");

    private ChannelSupervisor? Find(string channelName) => _supervisors.Value.FirstOrDefault(s => string.Equals(s.ChannelName, channelName, StringComparison.OrdinalIgnoreCase));

    private void Track(Task delivery)
    {
        _deliveries.TryAdd(delivery, 0);
        _ = delivery.ContinueWith(t => _deliveries.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private List<ChannelSupervisor> CreateSupervisors(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptionsMonitor<GAgentOptions>>();
        var restart = options.CurrentValue.ChannelRestart;
        if (restart.MaxDelay < restart.InitialDelay)
        {
            throw new InvalidOperationException($"GAgent:ChannelRestart:MaxDelay ({restart.MaxDelay}) must not be below InitialDelay ({restart.InitialDelay}).");
        }

        var logger = services.GetRequiredService<ILogger<ChannelManager>>();
        var time = services.GetRequiredService<TimeProvider>();
        var bus = services.GetRequiredService<GAgent.Events.IGAgentEventBus>();
        var continuations = new ChannelContinuations(time);
        var registry = services.GetRequiredService<GAgent.Agent.RunRegistry>();
        registry.RunRegistered += continuations.OnRunRegistered;
        _unsubscribe = () => registry.RunRegistered -= continuations.OnRunRegistered;
        var dispatcher = new ChannelDispatcher(services.GetRequiredService<IAgentRunner>(), services.GetRequiredService<ISessionStore>(), services.GetRequiredService<GAgent.Media.IMediaStore>(), continuations, options, time, logger);
        var supervisors = new List<ChannelSupervisor>();
        foreach (var registration in services.GetServices<ChannelRegistration>())
        {
            var channel = registration.Factory(services) ?? throw new InvalidOperationException("A channel factory returned null.");
            if (!IsValidName(channel.Name))
            {
                throw new InvalidOperationException($"Channel name '{channel.Name}' of {channel.GetType().Name} is invalid: use 1 to 32 ASCII letters, digits, '-' or '_'.");
            }

            if (supervisors.Any(s => string.Equals(s.ChannelName, channel.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"Two channels are named '{channel.Name}'; channel names must be unique.");
            }

            var enabled = !options.CurrentValue.Channels.TryGetValue(channel.Name, out var channelOptions) || channelOptions.Enabled;
            if (!enabled)
            {
                ChannelLog.Disabled(logger, channel.Name);
            }

            supervisors.Add(new ChannelSupervisor(channel, enabled, dispatcher, restart, Track, time, bus, logger));
        }

        return supervisors;
    }

    private static bool IsValidName(string? name)
        => !string.IsNullOrEmpty(name) && name.Length <= 32 && name.All(static c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
}
