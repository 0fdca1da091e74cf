using System.Runtime.CompilerServices;
using GAgent.Events;
using GAgent.Runs;

namespace GAgent.Agent;

/// <summary>
/// A run's ordered event log: a bounded ring of the newest events plus a wake-up signal for live readers.
/// One writer (the run's loop) appends; any number of readers replay from a sequence and then follow live.
/// </summary>
internal sealed class RunJournal
{
    private readonly Lock _gate = new();
    private const int InitialCapacity = 64;
    private readonly int _capacity;
    private readonly string _runId;
    private AgentEvent[] _ring;
    private int _head;   // index of the oldest event
    private int _count;
    private long _lastSequence;
    private bool _completed;
    private readonly List<JournalWaiter> _waiters = [];

    public RunJournal(string runId, int capacity)
    {
        _runId = runId;
        _capacity = capacity;
        // Most runs are short: grow towards the backlog size instead of allocating all of it per run.
        _ring = new AgentEvent[Math.Min(capacity, InitialCapacity)];
    }

    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _lastSequence;
            }
        }
    }

    public void Append(AgentEvent agentEvent)
    {
        lock (_gate)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The run's journal is complete; no events may follow its last one.");
            }

            if (agentEvent.Sequence != _lastSequence + 1)
            {
                throw new InvalidOperationException($"Event sequence {agentEvent.Sequence} does not follow {_lastSequence}.");
            }

            if (_count == _ring.Length && _ring.Length < _capacity)
            {
                Grow();
            }

            if (_count == _ring.Length)
            {
                _ring[_head] = agentEvent;
                _head = (_head + 1) % _ring.Length;
            }
            else
            {
                _ring[(_head + _count) % _ring.Length] = agentEvent;
                _count++;
            }

            _lastSequence = agentEvent.Sequence;
            WakeWaiters();
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            WakeWaiters();
        }
    }

    /// <summary>Throws <see cref="RunEventsExpiredException"/> now when <paramref name="afterSequence"/> is no longer replayable.</summary>
    public void EnsureAvailable(long afterSequence)
    {
        lock (_gate)
        {
            ThrowIfExpired(afterSequence);
        }
    }

    public async IAsyncEnumerable<AgentEvent> ReadAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = Math.Max(0, afterSequence);
        using var waiter = new JournalWaiter(cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AgentEvent? next = null;
            lock (_gate)
            {
                ThrowIfExpired(position);
                if (position < _lastSequence)
                {
                    var oldest = _lastSequence - _count + 1;
                    next = _ring[(_head + (int)(position + 1 - oldest)) % _ring.Length];
                }
                else if (_completed)
                {
                    yield break;
                }
                else
                {
                    waiter.Arm();
                    _waiters.Add(waiter);
                }
            }

            if (next is not null)
            {
                position = next.Sequence;
                yield return next;
            }
            else
            {
                try
                {
                    await waiter.WaitAsync().ConfigureAwait(false);
                }
                finally
                {
                    lock (_gate)
                    {
                        // Cancelled while registered: the next append must not signal a reader that left.
                        _waiters.Remove(waiter);
                    }
                }
            }
        }
    }

    /// <summary>Wakes every waiting reader. Runs under the lock; readers continue on the thread pool, never inline.</summary>
    private void WakeWaiters()
    {
        foreach (var waiter in _waiters)
        {
            waiter.Signal();
        }

        _waiters.Clear();
    }

    private void Grow()
    {
        var larger = new AgentEvent[Math.Min(_capacity, _ring.Length * 2)];
        for (var i = 0; i < _count; i++)
        {
            larger[i] = _ring[(_head + i) % _ring.Length];
        }

        _ring = larger;
        _head = 0;
    }

    private void ThrowIfExpired(long afterSequence)
    {
        var oldest = _lastSequence - _count + 1;
        if (_count > 0 && afterSequence + 1 < oldest)
        {
            throw new RunEventsExpiredException(_runId, afterSequence, oldest);
        }
    }
}
