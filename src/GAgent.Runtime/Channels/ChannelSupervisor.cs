using System.Text.Json;
using GAgent.Agent;
using GAgent.Configuration;
using GAgent.Events;
using GAgent.Runs;
using Microsoft.Extensions.Logging;

namespace GAgent.Channels;

/// <summary>
/// Runs one channel: starts it, waits for a fault or shutdown, and restarts it with exponential backoff. Also the
/// channel's <see cref="IChannelContext"/>, so inbound messages are tied to the channel that received them.
/// </summary>
internal sealed class ChannelSupervisor : IChannelContext
{
    private readonly ChannelDispatcher _dispatcher;
    private readonly ChannelRestartOptions _restart;
    private readonly Action<Task> _track;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IGAgentEventBus _bus;
    private readonly Lock _gate = new();
    private ChannelStatus _status;
    private TaskCompletionSource<Exception>? _fault;
    private CancellationToken _stopping;

    public ChannelSupervisor(IChannel channel, bool enabled, ChannelDispatcher dispatcher, ChannelRestartOptions restart, Action<Task> track, TimeProvider time, IGAgentEventBus bus, ILogger logger)
    {
        _bus = bus;
        Channel = channel;
        _dispatcher = dispatcher;
        _restart = restart;
        _track = track;
        _time = time;
        _logger = logger;
        _status = new ChannelStatus { State = ChannelState.Stopped, Enabled = enabled };
    }

    public IChannel Channel { get; }

    public string ChannelName => Channel.Name;

    public ChannelStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Supervises the channel until <paramref name="stopping"/> is cancelled, then stops it.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        _stopping = stopping;
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            var fault = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
            Update(s => s with { State = s.Restarts == 0 && failures == 0 ? ChannelState.Starting : ChannelState.Restarting });
            lock (_gate)
            {
                _fault = fault;
            }

            Exception error;
            var runningSince = _time.GetTimestamp();
            try
            {
                await Channel.StartAsync(this, stopping).ConfigureAwait(false);
                Update(s => s with { State = ChannelState.Running, StartedAt = _time.GetUtcNow(), LastError = null });
                ChannelLog.Started(_logger, ChannelName);
                runningSince = _time.GetTimestamp();
                error = await fault.Task.WaitAsync(stopping).ConfigureAwait(false);
                await StopChannelAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                error = ex;
            }

            // A channel that ran well for a while before failing starts over at the initial delay.
            failures = _time.GetElapsedTime(runningSince) > _restart.MaxDelay ? 1 : failures + 1;
            var delay = Backoff(failures);
            var restarts = 0;
            Update(s => s with { State = ChannelState.Faulted, LastError = error.Message, Restarts = restarts = s.Restarts + 1 });
            if (fault.Task.IsCompleted)
            {
                ChannelLog.Faulted(_logger, ChannelName, restarts, delay, error);
            }
            else
            {
                ChannelLog.StartFailed(_logger, ChannelName, restarts, delay, error);
            }

            try
            {
                await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Stops the channel if it is running (shutdown).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Status.State == ChannelState.Running)
        {
            await StopChannelAsync(cancellationToken).ConfigureAwait(false);
        }

        Update(s => s with { State = ChannelState.Stopped });
    }

    public Task<DispatchResult> DispatchAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (Status.State != ChannelState.Running || _stopping.IsCancellationRequested)
        {
            return Task.FromResult(DispatchResult.Refused(DispatchRefusal.ChannelUnavailable, $"Channel '{ChannelName}' is not running."));
        }

        Touch();

        // A run that pauses for approval is continued by another run; its answer goes to the same conversation.
        void Deliver(IAgentRun run) => _track(_dispatcher.DeliverAsync(Channel, message, run, Touch, _stopping, Deliver));
        return _dispatcher.DispatchAsync(Channel, message, Deliver, cancellationToken);
    }

    /// <summary>
    /// Sends the final answer of <paramref name="run"/> to a conversation through the channel's reply path (routines).
    /// Completes with null once the reply path is done (delivery failures are the channel's to log), or with why the
    /// channel cannot send.
    /// </summary>
    public async Task<string?> DeliverAsync(string conversationId, IAgentRun run)
    {
        if (Status.State != ChannelState.Running || _stopping.IsCancellationRequested)
        {
            return $"Channel '{ChannelName}' is not running.";
        }

        Touch();
        var origin = new InboundMessage { ChannelName = ChannelName, SenderId = "gagent-routine", ConversationId = conversationId, Text = "(routine)", ReceivedAt = _time.GetUtcNow() };
        var delivery = _dispatcher.DeliverAsync(Channel, origin, run, Touch, _stopping);
        _track(delivery);
        await delivery.ConfigureAwait(false);
        return null;
    }

    public void ReportFault(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        lock (_gate)
        {
            _fault?.TrySetResult(exception);
        }
    }

    private void Touch() => Update(s => s with { LastActivity = _time.GetUtcNow() });

    private TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var ticks = Math.Min(_restart.InitialDelay.Ticks * factor, _restart.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private async Task StopChannelAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Channel.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ChannelLog.StopFailed(_logger, ChannelName, ex);
        }
    }

    private void Update(Func<ChannelStatus, ChannelStatus> change)
    {
        ChannelStatus before, after;
        lock (_gate)
        {
            before = _status;
            _status = after = change(_status);
        }

        // Activity alone is not news: announcing every message would flood every socket.
        if (after with { LastActivity = before.LastActivity } != before)
        {
            _bus.Publish(new GAgentNotification
            {
                Name = GAgentEventNames.ChannelStatus,
                Value = JsonSerializer.SerializeToElement(new ChannelNotificationPayload(ChannelName, after), RuntimeJsonContext.Default.ChannelNotificationPayload),
                Timestamp = _time.GetUtcNow(),
            });
        }
    }
}
