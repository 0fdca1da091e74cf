using System.Threading.Channels;
using GAgent.AspNetCore.Streaming;
using GAgent.Events;
using GAgent.Runs;

namespace GAgent.AspNetCore.WebSockets;

/// <summary>
/// One socket's subscription to one session: streams the events of each run of the session, one run after another in
/// the order they were registered, into the socket's send queue. Listens to the hub before looking up the active run,
/// so a run that starts meanwhile is neither missed nor streamed twice: the runs offered when streaming starts are
/// remembered until the hub's notice of each arrives (or the subscription ends), and every later run is announced once,
/// so what is remembered stays a handful of ids however long the socket lives.
/// </summary>
internal sealed class WebSocketSubscription : IDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _offeredAtStart = new(StringComparer.Ordinal);
    private readonly List<IAgentRun> _early = [];
    private readonly Channel<(IAgentRun Run, long After)> _runs = Channel.CreateUnbounded<(IAgentRun, long)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Action<AgentEvent> _send;
    private readonly IDisposable _listening;
    private bool _started;

    public WebSocketSubscription(string sessionId, SessionRunHub hub, Action<AgentEvent> send)
    {
        SessionId = sessionId;
        _send = send;
        _listening = hub.Subscribe(sessionId, OnRunRegistered);
    }

    public string SessionId { get; }

    /// <summary>
    /// Starts streaming: <paramref name="first"/> (the run being resumed, or the active one) after
    /// <paramref name="afterSequence"/>, then <paramref name="next"/> (the active run, when another is resumed), then
    /// every later run.
    /// </summary>
    public void Start(IAgentRun? first, long afterSequence, IAgentRun? next)
    {
        lock (_gate)
        {
            if (first is not null)
            {
                OfferAtStart(first, afterSequence);
            }

            if (next is not null)
            {
                OfferAtStart(next, 0);
            }

            // Announced before streaming started: taken now, as if they were announced now.
            foreach (var run in _early)
            {
                OnAnnounced(run);
            }

            _early.Clear();
            _started = true;
        }

        var pump = PumpAsync(_stop.Token);

        // The token source lives until the pump has observed the cancellation.
        _ = pump.ContinueWith(static (_, state) => ((CancellationTokenSource)state!).Dispose(), _stop, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public void Dispose()
    {
        _listening.Dispose();
        _runs.Writer.TryComplete();
        lock (_gate)
        {
            if (!_started)
            {
                _stop.Dispose();
                return;
            }
        }

        _stop.Cancel();
    }

    private void OnRunRegistered(IAgentRun run)
    {
        lock (_gate)
        {
            if (!_started)
            {
                _early.Add(run);
                return;
            }

            OnAnnounced(run);
        }
    }

    /// <summary>
    /// Queues a run the hub announced, unless it was offered at the start: the hub announces each run once, so an
    /// offered run is a duplicate exactly once and is forgotten then.
    /// </summary>
    private void OnAnnounced(IAgentRun run)
    {
        if (!_offeredAtStart.Remove(run.Id))
        {
            _runs.Writer.TryWrite((run, 0));
        }
    }

    /// <summary>Queues <paramref name="run"/> unless it already is.</summary>
    private void OfferAtStart(IAgentRun run, long after)
    {
        if (_offeredAtStart.Add(run.Id))
        {
            _runs.Writer.TryWrite((run, after));
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (run, after) in _runs.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await foreach (var batch in RunEventSource.ReadBatchesAsync(run, after, RunEventDelivery.EveryDelta, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var agentEvent in batch.Span)
                    {
                        _send(agentEvent);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Unsubscribed or the socket closed.
        }
    }
}
