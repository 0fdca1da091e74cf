using System.Buffers;
using System.Runtime.CompilerServices;
using GAgent.Events;
using GAgent.Runs;

namespace GAgent.Agent;

/// <summary>
/// A run's ordered event log: a bounded ring of the newest events plus a wake-up signal for live readers.
/// One writer (the run's loop) appends; any number of readers replay from a sequence and then follow live.
/// The journal numbers the events, so that text deltas can be merged: while no reader asks for every delta, the
/// deltas of one message are only added to the writer's copy of the message text, and the part not yet journaled
/// becomes one event when anything else is appended, when the run ends, or when a reader that wants every delta
/// reaches it.
/// </summary>
internal sealed class RunJournal
{
    private readonly Lock _gate = new();
    private const int InitialCapacity = 64;
    private const int InitialMergedCapacity = 16;

    /// <summary>Most events a reader takes per batch.</summary>
    internal const int BatchSize = 64;
    private readonly int _capacity;
    private readonly string _runId;
    private readonly string _sessionId;
    private readonly TimeProvider _time;
    private readonly bool _systemClock;
    private long _clockTick = -1;
    private DateTimeOffset _clockNow;
    private AgentEvent[] _ring;
    private int _head;   // index of the oldest event
    private int _count;
    private long _lastSequence;
    private bool _completed;
    private int _everyDeltaReaders;
    private bool _reservedReader;
    private readonly List<JournalWaiter> _waiters = [];

    // The deltas not yet turned into an event (only while no reader wants every delta): the end of the writer's text
    // from _pendingStart on. The writer appends to that text only under the lock, so readers may read it under the lock.
    private MessageText? _pendingSource;
    private int _pendingStart;
    private string? _pendingMessageId;
    private RunDeltaKind _pendingKind;
    private DateTimeOffset _pendingAt;

    /// <param name="runId">The run's id, for the events and errors.</param>
    /// <param name="sessionId">The run's session, for the events.</param>
    /// <param name="capacity">Most events kept.</param>
    /// <param name="time">The clock of the events.</param>
    /// <param name="reserveEveryDeltaReader">
    /// Holds a place for the every-delta reader its starter is about to attach, so the deltas produced before it does
    /// are not merged; that reader takes the place over.
    /// </param>
    public RunJournal(string runId, string sessionId, int capacity, TimeProvider time, bool reserveEveryDeltaReader = false)
    {
        _reservedReader = reserveEveryDeltaReader;
        _everyDeltaReaders = reserveEveryDeltaReader ? 1 : 0;
        _runId = runId;
        _sessionId = sessionId;
        _capacity = capacity;
        _time = time;
        _systemClock = ReferenceEquals(time, TimeProvider.System);
        // Most runs are short: grow towards the backlog size instead of allocating all of it per run. A run read for its
        // result journals a handful of events (its deltas are merged), a streamed one an event per token.
        _ring = new AgentEvent[Math.Min(capacity, reserveEveryDeltaReader ? InitialCapacity : InitialMergedCapacity)];
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

    /// <summary>
    /// Appends the event <paramref name="create"/> builds from the next sequence number and the current time (called
    /// under the journal's lock, so keep it to building the event); merged deltas waiting in the buffer go first.
    /// </summary>
    public void Append<TState>(TState state, Func<TState, long, DateTimeOffset, AgentEvent> create)
    {
        lock (_gate)
        {
            ThrowIfCompleted();
            SealPending();
            Add(create(state, _lastSequence + 1, Now()));
            WakeWaiters();
        }
    }

    /// <summary>
    /// Appends a text or reasoning fragment to <paramref name="message"/>, the writer's copy of the whole message
    /// (which the writer must change only through this journal while the message streams), and journals it: as its own
    /// event when a reader wants every delta, else later, merged with the fragments that follow it.
    /// </summary>
    public void AppendDelta(RunDeltaKind kind, string messageId, string delta, MessageText message)
        => AppendDeltas(kind, messageId, message, [delta]);

    /// <summary>
    /// Appends fragments of one message in order, each exactly as <see cref="AppendDelta"/> would, under one
    /// acquisition of the lock, and wakes the waiting readers once: for the fragments a model produced at once (a
    /// burst), which would otherwise cost a lock and a wake-up each.
    /// </summary>
    public void AppendDeltas(RunDeltaKind kind, string messageId, MessageText message, ReadOnlySpan<string> deltas)
    {
        lock (_gate)
        {
            ThrowIfCompleted();
            var wake = false;
            foreach (var delta in deltas)
            {
                wake |= AppendDeltaLocked(kind, messageId, delta, message);
            }

            if (wake)
            {
                WakeWaiters();
            }
        }
    }

    /// <summary>Journals one fragment; true when readers have something new. Runs under the lock.</summary>
    private bool AppendDeltaLocked(RunDeltaKind kind, string messageId, string delta, MessageText message)
    {
        if (_everyDeltaReaders == 0)
        {
            var sealedOne = false;
            if (_pendingMessageId is not null && (_pendingKind != kind || _pendingMessageId != messageId || !ReferenceEquals(_pendingSource, message)))
            {
                SealPending();
                sealedOne = true;
            }

            if (_pendingMessageId is null)
            {
                _pendingMessageId = messageId;
                _pendingKind = kind;
                _pendingAt = Now();
                _pendingSource = message;
                _pendingStart = message.Length;
            }

            // Nothing new for readers yet (unless another message was sealed): merged readers wait for the message as a whole.
            message.Append(delta);
            return sealedOne;
        }

        SealPending();
        message.Append(delta);
        Add(CreateDelta(kind, messageId, delta, _lastSequence + 1, Now()));
        return true;
    }

    public void Complete()
    {
        lock (_gate)
        {
            SealPending();
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

    /// <summary>Reads event by event; see <see cref="ReadBatchesAsync"/>, which this reads through.</summary>
    public async IAsyncEnumerable<AgentEvent> ReadAsync(long afterSequence, RunEventDelivery delivery, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in ReadBatchesAsync(afterSequence, delivery, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Length; i++)
            {
                yield return batch.Span[i];
            }
        }
    }

    /// <summary>
    /// Reads the events after <paramref name="afterSequence"/> in batches: each batch holds every event that is there
    /// when the reader asks (at most <see cref="BatchSize"/>), taken under one acquisition of the lock, so a reader
    /// that is behind the model (a burst, a replay) pays for the lock and the wait once per batch instead of per event.
    /// A batch is only valid until the next one is asked for: its memory is the reader's and is reused.
    /// </summary>
    public async IAsyncEnumerable<ReadOnlyMemory<AgentEvent>> ReadBatchesAsync(long afterSequence, RunEventDelivery delivery, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = Math.Max(0, afterSequence);
        var everyDelta = delivery == RunEventDelivery.EveryDelta;
        using var waiter = new JournalWaiter(cancellationToken);
        var batch = ArrayPool<AgentEvent>.Shared.Rent(BatchSize);
        if (everyDelta)
        {
            lock (_gate)
            {
                if (_reservedReader)
                {
                    _reservedReader = false;
                }
                else
                {
                    _everyDeltaReaders++;
                }
            }
        }

        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int count;
                var ended = false;
                lock (_gate)
                {
                    ThrowIfExpired(position);
                    if (everyDelta && position >= _lastSequence && _pendingMessageId is not null)
                    {
                        // Text merged before this reader came is already here: it must not wait for the next delta.
                        SealPending();
                        WakeWaiters();
                    }

                    count = CopyAfter(position, batch);
                    if (count == 0)
                    {
                        if (_completed)
                        {
                            ended = true;
                        }
                        else
                        {
                            waiter.Arm();
                            _waiters.Add(waiter);
                        }
                    }
                }

                if (count > 0)
                {
                    position = batch[count - 1].Sequence;
                    yield return new ReadOnlyMemory<AgentEvent>(batch, 0, count);
                }
                else if (ended)
                {
                    yield break;
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
        finally
        {
            // Cleared, so the pool does not keep the run's events alive.
            ArrayPool<AgentEvent>.Shared.Return(batch, clearArray: true);
            if (everyDelta)
            {
                lock (_gate)
                {
                    _everyDeltaReaders--;
                }
            }
        }
    }

    /// <summary>Copies the kept events after <paramref name="position"/>, oldest first, as many as fit. Runs under the lock.</summary>
    private int CopyAfter(long position, AgentEvent[] into)
    {
        var available = _lastSequence - position;
        if (available <= 0)
        {
            return 0;
        }

        var count = (int)Math.Min(available, Math.Min(into.Length, BatchSize));
        var oldest = _lastSequence - _count + 1;
        // Through spans: a store into an array of a class type checks the stored object's type (the array could be of a
        // derived type) every time; a span checks its array once. A live reader copies one event per call, so this is a
        // plain loop rather than bulk copies.
        var ring = _ring.AsSpan();
        var copied = into.AsSpan(0, count);
        var at = (_head + (int)(position + 1 - oldest)) % ring.Length;
        for (var i = 0; i < copied.Length; i++)
        {
            copied[i] = ring[at];
            at = at + 1 == ring.Length ? 0 : at + 1;
        }

        return count;
    }

    /// <summary>
    /// The time of an event. On the system clock, events appended within one tick of the coarse clock
    /// (<see cref="Environment.TickCount64"/>, which advances every 1 to 4 ms depending on the kernel) share the time
    /// read at the tick's first event: a streamed reply appends an event per token, and reading the wall clock for
    /// each costs more than the rest of the append. Order is the sequence's job, not the timestamp's. Runs under the
    /// lock.
    /// </summary>
    private DateTimeOffset Now()
    {
        if (!_systemClock)
        {
            return _time.GetUtcNow();
        }

        var tick = Environment.TickCount64;
        if (tick != _clockTick)
        {
            _clockTick = tick;
            _clockNow = _time.GetUtcNow();
        }

        return _clockNow;
    }

    /// <summary>Turns the merge buffer into one event. Runs under the lock.</summary>
    private void SealPending()
    {
        if (_pendingMessageId is not { } messageId)
        {
            return;
        }

        var text = _pendingSource!.ToString(_pendingStart);
        _pendingSource = null;
        _pendingMessageId = null;
        Add(CreateDelta(_pendingKind, messageId, text, _lastSequence + 1, _pendingAt));
    }

    private AgentEvent CreateDelta(RunDeltaKind kind, string messageId, string delta, long sequence, DateTimeOffset at) => kind == RunDeltaKind.Text
        ? new TextMessageContentEvent { RunId = _runId, SessionId = _sessionId, Sequence = sequence, Timestamp = at, MessageId = messageId, Delta = delta }
        : new ReasoningMessageContentEvent { RunId = _runId, SessionId = _sessionId, Sequence = sequence, Timestamp = at, MessageId = messageId, Delta = delta };

    /// <summary>Stores an event in the ring. Runs under the lock.</summary>
    private void Add(AgentEvent agentEvent)
    {
        if (agentEvent.Sequence != _lastSequence + 1)
        {
            throw new InvalidOperationException($"Event sequence {agentEvent.Sequence} does not follow {_lastSequence}; build events with the sequence the journal gives.");
        }

        if (_count == _ring.Length && _ring.Length < _capacity)
        {
            Grow();
        }

        // Through a span, as in CopyAfter.
        var ring = _ring.AsSpan();
        if (_count == ring.Length)
        {
            ring[_head] = agentEvent;
            _head = (_head + 1) % ring.Length;
        }
        else
        {
            ring[(_head + _count) % ring.Length] = agentEvent;
            _count++;
        }

        _lastSequence = agentEvent.Sequence;
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The run's journal is complete; no events may follow its last one.");
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
        var firstPiece = Math.Min(_count, _ring.Length - _head);
        _ring.AsSpan(_head, firstPiece).CopyTo(larger);
        _ring.AsSpan(0, _count - firstPiece).CopyTo(larger.AsSpan(firstPiece));

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
