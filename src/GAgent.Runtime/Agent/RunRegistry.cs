using System.Collections.Concurrent;
using GAgent.Configuration;
using GAgent.Runs;
using Microsoft.Extensions.Options;

namespace GAgent.Agent;

/// <summary>
/// Owns every run independently of the request that started it: enforces one active run per session and the global
/// cap, keeps finished runs findable for the retention period, and stops all runs when the host shuts down.
/// </summary>
internal sealed class RunRegistry : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AgentRun> _activeBySession = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AgentRun> _runs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();

    // Finished persistent runs in the order they finished, for the MaxRetainedRuns cap (oldest first).
    private readonly Lock _finishedGate = new();
    private readonly Queue<AgentRun> _finished = new();
    private readonly IOptionsMonitor<GAgentOptions> _options;
    private readonly TimeProvider _time;
    private int _activeCount;
    private long _nextSweepTicks;

    public RunRegistry(IOptionsMonitor<GAgentOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>
    /// Raised after a run is registered, outside the registry's lock, so live surfaces (the WebSocket) can follow a
    /// session's runs whoever starts them. Handlers must be quick and must not throw.
    /// </summary>
    public event Action<AgentRun>? RunRegistered;

    /// <summary>How many runs are queued or running now.</summary>
    public int ActiveCount => Volatile.Read(ref _activeCount);

    /// <summary>Cancelled when the registry is disposed (host shutdown).</summary>
    public CancellationToken ShutdownToken => _shutdown.Token;

    /// <summary>Registers a new run, applying the concurrency policy. On success the run counts as active until <see cref="Release"/>.</summary>
    public void Register(AgentRun run)
    {
        var options = _options.CurrentValue.Runs;
        SweepExpired(options.Retention);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_shutdown.IsCancellationRequested, this);
            if (_activeCount >= options.MaxActiveRuns)
            {
                throw new RunLimitExceededException(options.MaxActiveRuns);
            }

            if (_activeBySession.TryGetValue(run.SessionId, out var active))
            {
                if (options.ConcurrentRunPolicy == ConcurrentRunPolicy.Reject)
                {
                    throw new SessionBusyException(run.SessionId, active.Id);
                }

                run.Predecessor = active.Completion;
            }

            // The newest run of a session is the one later messages queue behind.
            _activeBySession[run.SessionId] = run;
            _activeCount++;
            _runs[run.Id] = run;
        }

        RunRegistered?.Invoke(run);
    }

    /// <summary>
    /// Marks a run as no longer active. Persistent runs stay findable until their retention ends; ephemeral ones
    /// (stateless OpenAI requests) have no one to re-attach and are dropped at once so load does not pile up memory.
    /// </summary>
    public void Release(AgentRun run)
    {
        lock (_gate)
        {
            _activeCount--;
            if (_activeBySession.TryGetValue(run.SessionId, out var current) && ReferenceEquals(current, run))
            {
                _activeBySession.Remove(run.SessionId);
            }
        }

        if (!run.IsPersistent)
        {
            Drop(run);
            return;
        }

        var max = _options.CurrentValue.Runs.MaxRetainedRuns;
        List<AgentRun>? dropped = null;
        lock (_finishedGate)
        {
            _finished.Enqueue(run);
            while (_finished.Count > max)
            {
                (dropped ??= []).Add(_finished.Dequeue());
            }
        }

        foreach (var oldest in dropped ?? [])
        {
            Drop(oldest);
        }
    }

    public AgentRun? Get(string runId)
    {
        if (!_runs.TryGetValue(runId, out var run))
        {
            return null;
        }

        return IsExpired(run, _options.CurrentValue.Runs.Retention) ? null : run;
    }

    public AgentRun? GetActive(string sessionId)
    {
        lock (_gate)
        {
            return _activeBySession.GetValueOrDefault(sessionId);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_shutdown.IsCancellationRequested)
            {
                return;
            }

            _shutdown.Cancel();
        }

        _shutdown.Dispose();
    }

    private void SweepExpired(TimeSpan retention)
    {
        // At most one sweep per second: registering runs must stay O(1) under load.
        var now = _time.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextSweepTicks, now + TimeSpan.TicksPerSecond, due) != due)
        {
            return;
        }

        foreach (var (_, run) in _runs)
        {
            if (IsExpired(run, retention))
            {
                Drop(run);
            }
        }

        // The expired runs leave the cap's queue too (they finished first, so they are at its front).
        lock (_finishedGate)
        {
            while (_finished.TryPeek(out var oldest) && (IsExpired(oldest, retention) || !_runs.ContainsKey(oldest.Id)))
            {
                _finished.Dequeue();
            }
        }
    }

    /// <summary>Forgets a run that is no longer needed and disposes it, unless the id has meanwhile come to name another run.</summary>
    private void Drop(AgentRun run)
    {
        if (_runs.TryRemove(new KeyValuePair<string, AgentRun>(run.Id, run)))
        {
            run.Dispose();
        }
    }

    private bool IsExpired(AgentRun run, TimeSpan retention)
        => run.CompletedAt is { } completedAt && _time.GetUtcNow() - completedAt > retention;
}
