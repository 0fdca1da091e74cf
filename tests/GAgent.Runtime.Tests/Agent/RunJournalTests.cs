using GAgent.Agent;
using GAgent.Events;
using GAgent.Runs;

namespace GAgent.Runtime.Tests.Agent;

public sealed class RunJournalTests
{
    private const string RunId = "run_journal_test";

    [Fact]
    public async Task Replays_everything_from_zero_after_completion()
    {
        var journal = Filled(5, capacity: 16);
        journal.Complete();

        var events = await ReadAllAsync(journal, 0);

        Assert.Equal([1L, 2, 3, 4, 5], events.Select(static e => e.Sequence));
        Assert.Equal(["d1", "d2", "d3", "d4", "d5"], events.Cast<TextMessageContentEvent>().Select(static e => e.Delta));
    }

    [Fact]
    public async Task Replays_only_events_after_the_given_sequence()
    {
        var journal = Filled(6, capacity: 16);
        journal.Complete();

        Assert.Equal([4L, 5, 6], (await ReadAllAsync(journal, 3)).Select(static e => e.Sequence));
        Assert.Empty(await ReadAllAsync(journal, 6));
    }

    [Fact]
    public async Task Late_subscriber_gets_the_backlog_then_live_events_until_complete()
    {
        var journal = Filled(3, capacity: 16);
        var reading = ReadAllAsync(journal, 0);

        await Task.Delay(50);
        Assert.False(reading.IsCompleted, "A reader must keep following a journal that is not complete.");
        Append(journal, 4);
        Append(journal, 5);
        journal.Complete();

        var events = await reading.WaitAsync(TestRuntime.Timeout);
        Assert.Equal([1L, 2, 3, 4, 5], events.Select(static e => e.Sequence));
    }

    [Fact]
    public async Task Live_follow_sees_events_appended_after_subscribing_in_order()
    {
        var journal = NewJournal(64);
        var received = new List<long>();
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            await foreach (var agentEvent in journal.ReadAsync(0, RunEventDelivery.EveryDelta, CancellationToken.None))
            {
                received.Add(agentEvent.Sequence);
                firstSeen.TrySetResult();
            }
        });

        Append(journal, 1);
        await firstSeen.Task.WaitAsync(TestRuntime.Timeout);
        for (var sequence = 2; sequence <= 40; sequence++)
        {
            Append(journal, sequence);
            if (sequence % 7 == 0)
            {
                await Task.Yield();
            }
        }

        journal.Complete();
        await reader.WaitAsync(TestRuntime.Timeout);
        Assert.Equal(Enumerable.Range(1, 40).Select(static i => (long)i), received);
    }

    [Fact]
    public async Task Concurrent_readers_see_identical_sequences()
    {
        var journal = NewJournal(1024);
        var readers = Enumerable.Range(0, 6).Select(i => Task.Run(() => ReadAllAsync(journal, 0))).ToList();
        var writer = Task.Run(async () =>
        {
            for (var sequence = 1; sequence <= 500; sequence++)
            {
                Append(journal, sequence);
                if (sequence % 50 == 0)
                {
                    await Task.Delay(1);
                }
            }

            journal.Complete();
        });

        await writer.WaitAsync(TestRuntime.Timeout);
        var results = await Task.WhenAll(readers).WaitAsync(TestRuntime.Timeout);
        var expected = Enumerable.Range(1, 500).Select(static i => (long)i).ToList();
        foreach (var result in results)
        {
            Assert.Equal(expected, result.Select(static e => e.Sequence));
        }
    }

    [Fact]
    public async Task Overflow_drops_the_oldest_events_and_resuming_before_them_is_expired()
    {
        var journal = Filled(20, capacity: 16);
        journal.Complete();

        Assert.Equal(20, journal.LastSequence);
        var expired = Assert.Throws<RunEventsExpiredException>(() => journal.EnsureAvailable(0));
        Assert.Equal(RunId, expired.RunId);
        Assert.Equal(0, expired.RequestedAfter);
        Assert.Equal(5, expired.OldestAvailable);
        Assert.Contains("run_journal_test", expired.Message, StringComparison.Ordinal);
        Assert.Throws<RunEventsExpiredException>(() => journal.EnsureAvailable(3));
        await Assert.ThrowsAsync<RunEventsExpiredException>(() => ReadAllAsync(journal, 3));

        // Resuming right before the oldest kept event still works, and yields exactly what is kept.
        journal.EnsureAvailable(4);
        Assert.Equal(Enumerable.Range(5, 16).Select(static i => (long)i), (await ReadAllAsync(journal, 4)).Select(static e => e.Sequence));
    }

    [Fact]
    public async Task A_reader_that_falls_behind_the_backlog_while_reading_gets_expired()
    {
        var journal = Filled(4, capacity: 16);
        await using var enumerator = journal.ReadAsync(0, RunEventDelivery.EveryDelta, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(1, enumerator.Current.Sequence);

        for (var sequence = 5; sequence <= 30; sequence++)
        {
            Append(journal, sequence);
        }

        // Events 2 to 4 came in the reader's batch with event 1, so they are its to read; the next batch is gone.
        for (var sequence = 2; sequence <= 4; sequence++)
        {
            Assert.True(await enumerator.MoveNextAsync());
            Assert.Equal(sequence, enumerator.Current.Sequence);
        }

        var expired = await Assert.ThrowsAsync<RunEventsExpiredException>(async () => await enumerator.MoveNextAsync());
        Assert.Equal(4, expired.RequestedAfter);
        Assert.Equal(15, expired.OldestAvailable);
    }

    [Fact]
    public void Events_built_with_a_sequence_other_than_the_one_given_are_refused()
    {
        var journal = Filled(2, capacity: 16);

        Assert.Throws<InvalidOperationException>(() => journal.Append(0, static (_, sequence, at) => Delta(sequence + 1)));
        Assert.Throws<InvalidOperationException>(() => journal.Append(0, static (_, sequence, at) => Delta(sequence - 1)));
        Append(journal, 3);
        Assert.Equal(3, journal.LastSequence);
    }

    [Fact]
    public async Task Complete_ends_waiting_readers_and_refuses_further_events()
    {
        var journal = NewJournal(16);
        var reading = ReadAllAsync(journal, 0);
        await Task.Delay(20);

        journal.Complete();

        Assert.Empty(await reading.WaitAsync(TestRuntime.Timeout));
        Assert.Throws<InvalidOperationException>(() => Append(journal, 1));
    }

    [Fact]
    public async Task Cancelling_a_waiting_reader_ends_it_with_cancellation()
    {
        var journal = Filled(1, capacity: 16);
        using var cancel = new CancellationTokenSource();
        var reading = ReadAllAsync(journal, 1, cancellationToken: cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(TestRuntime.Timeout));
    }

    [Theory]
    [InlineData(300, 1000)]
    [InlineData(1000, 300)]
    [InlineData(129, 130)]
    public async Task The_backlog_grows_on_demand_and_keeps_order_up_to_its_capacity(int count, int capacity)
    {
        var journal = Filled(count, capacity);
        journal.Complete();

        var kept = Math.Min(count, capacity);
        var events = await ReadAllAsync(journal, count - kept);

        Assert.Equal(Enumerable.Range(count - kept + 1, kept).Select(static i => (long)i), events.Select(static e => e.Sequence));
        if (count > capacity)
        {
            Assert.Throws<GAgent.Runs.RunEventsExpiredException>(() => journal.EnsureAvailable(count - capacity - 1));
        }
    }

    [Fact]
    public async Task Without_an_every_delta_reader_the_deltas_of_a_message_become_one_event_when_something_else_is_appended()
    {
        var journal = NewJournal(64);
        AppendStart(journal, "msg_a");
        foreach (var delta in new[] { "Hel", "lo", ", ", "world" })
        {
            AppendDelta(journal, RunDeltaKind.Text, "msg_a", delta);
        }

        Assert.Equal(1, journal.LastSequence);
        AppendStart(journal, "msg_b");
        AppendDelta(journal, RunDeltaKind.Reasoning, "msg_b", "think");
        AppendDelta(journal, RunDeltaKind.Text, "msg_b", "answer");
        journal.Complete();

        var events = await ReadAllAsync(journal, 0, delivery: RunEventDelivery.MergedDeltas);
        Assert.Equal([1L, 2, 3, 4, 5], events.Select(static e => e.Sequence));
        Assert.Equal("Hello, world", _messages[(RunDeltaKind.Text, "msg_a")].ToString());
        Assert.Equal("Hello, world", Assert.IsType<TextMessageContentEvent>(events[1]).Delta);
        Assert.Equal("think", Assert.IsType<ReasoningMessageContentEvent>(events[3]).Delta);
        var last = Assert.IsType<TextMessageContentEvent>(events[4]);
        Assert.Equal(("msg_b", "answer"), (last.MessageId, last.Delta));
    }

    [Fact]
    public async Task A_merged_reader_gets_a_message_whole_and_is_not_woken_per_delta()
    {
        var journal = NewJournal(64);
        var reading = ReadAllAsync(journal, 0, delivery: RunEventDelivery.MergedDeltas);
        AppendStart(journal, "msg_a");
        for (var i = 0; i < 100; i++)
        {
            AppendDelta(journal, RunDeltaKind.Text, "msg_a", "x");
        }

        AppendStart(journal, "msg_end");
        journal.Complete();

        var events = await reading.WaitAsync(TestRuntime.Timeout);
        Assert.Equal(3, events.Count);
        Assert.Equal(new string('x', 100), Assert.IsType<TextMessageContentEvent>(events[1]).Delta);
    }

    [Fact]
    public async Task While_an_every_delta_reader_follows_the_run_each_delta_is_its_own_event()
    {
        var journal = NewJournal(256);
        var reading = ReadAllAsync(journal, 0);
        var merged = ReadAllAsync(journal, 0, delivery: RunEventDelivery.MergedDeltas);
        // Both readers already wait: an async method runs synchronously up to its first pending await.
        AppendStart(journal, "msg_a");
        for (var i = 0; i < 50; i++)
        {
            AppendDelta(journal, RunDeltaKind.Text, "msg_a", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        journal.Complete();

        var events = await reading.WaitAsync(TestRuntime.Timeout);
        Assert.Equal(51, events.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(static i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Skip(1).Cast<TextMessageContentEvent>().Select(static e => e.Delta));
        Assert.Equal(events.Select(static e => e.Sequence), (await merged.WaitAsync(TestRuntime.Timeout)).Select(static e => e.Sequence));
    }

    [Fact]
    public async Task An_every_delta_reader_that_arrives_gets_the_merged_text_at_once_and_then_every_delta()
    {
        var journal = NewJournal(64);
        AppendStart(journal, "msg_a");
        AppendDelta(journal, RunDeltaKind.Text, "msg_a", "already ");
        AppendDelta(journal, RunDeltaKind.Text, "msg_a", "here");
        await using var reader = journal.ReadAsync(0, RunEventDelivery.EveryDelta, CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(TestRuntime.Timeout));
        Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(TestRuntime.Timeout));
        Assert.Equal("already here", Assert.IsType<TextMessageContentEvent>(reader.Current).Delta);

        var next = reader.MoveNextAsync().AsTask();
        AppendDelta(journal, RunDeltaKind.Text, "msg_a", " live");
        Assert.True(await next.WaitAsync(TestRuntime.Timeout));
        Assert.Equal((3L, " live"), (reader.Current.Sequence, Assert.IsType<TextMessageContentEvent>(reader.Current).Delta));
    }

    [Fact]
    public async Task A_reserved_place_keeps_deltas_apart_until_its_reader_has_come_and_gone()
    {
        var journal = new RunJournal(RunId, "session", 64, TimeProvider.System, reserveEveryDeltaReader: true);
        AppendStart(journal, "msg_a");
        AppendDelta(journal, RunDeltaKind.Text, "msg_a", "a");
        AppendDelta(journal, RunDeltaKind.Text, "msg_a", "b");
        Assert.Equal(3, journal.LastSequence);

        using (var cancel = new CancellationTokenSource())
        {
            var reading = ReadAllAsync(journal, 0, cancellationToken: cancel.Token);
            AppendDelta(journal, RunDeltaKind.Text, "msg_a", "c");
            Assert.Equal(4, journal.LastSequence);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(TestRuntime.Timeout));
        }

        // The reader that took the place has left: nobody wants every delta any more.
        AppendDelta(journal, RunDeltaKind.Text, "msg_a", "d");
        AppendDelta(journal, RunDeltaKind.Text, "msg_a", "e");
        journal.Complete();
        var events = await ReadAllAsync(journal, 0);
        Assert.Equal(["a", "b", "c", "de"], events.OfType<TextMessageContentEvent>().Select(static e => e.Delta));
    }

    [Fact]
    public async Task Completing_keeps_the_merged_text()
    {
        var journal = NewJournal(64);
        AppendStart(journal, "msg_a");
        AppendDelta(journal, RunDeltaKind.Text, "msg_a", "kept");
        journal.Complete();

        var events = await ReadAllAsync(journal, 0);
        Assert.Equal("kept", Assert.IsType<TextMessageContentEvent>(events[^1]).Delta);
        Assert.Equal(2, journal.LastSequence);
    }

    [Fact]
    public async Task A_reader_behind_the_run_takes_the_waiting_events_in_batches_as_large_as_allowed()
    {
        var journal = Filled(150, capacity: 256);
        journal.Complete();

        var batches = new List<long[]>();
        await foreach (var batch in journal.ReadBatchesAsync(10, RunEventDelivery.EveryDelta, CancellationToken.None))
        {
            batches.Add([.. batch.ToArray().Select(static e => e.Sequence)]);
        }

        Assert.Equal(Enumerable.Range(11, 140).Select(static i => (long)i).Chunk(RunJournal.BatchSize), batches);
    }

    [Fact]
    public async Task A_reader_that_keeps_up_gets_each_live_event_in_a_batch_of_its_own()
    {
        var journal = Filled(3, capacity: 64);
        await using var batches = journal.ReadBatchesAsync(0, RunEventDelivery.EveryDelta, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await batches.MoveNextAsync());
        Assert.Equal([1L, 2, 3], batches.Current.ToArray().Select(static e => e.Sequence));

        var next = batches.MoveNextAsync();
        Assert.False(next.IsCompleted);
        Append(journal, 4);
        Assert.True(await next);
        Assert.Equal([4L], batches.Current.ToArray().Select(static e => e.Sequence));

        journal.Complete();
        Assert.False(await batches.MoveNextAsync());
    }

    [Fact]
    public async Task Fragments_appended_together_reach_a_waiting_reader_in_one_batch_each_its_own_event()
    {
        var journal = NewJournal(64);
        AppendStart(journal, "msg_a");
        await using var batches = journal.ReadBatchesAsync(0, RunEventDelivery.EveryDelta, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await batches.MoveNextAsync());
        var next = batches.MoveNextAsync();
        Assert.False(next.IsCompleted);

        var message = new MessageText();
        journal.AppendDeltas(RunDeltaKind.Text, "msg_a", message, ["one ", "two ", "three"]);

        Assert.True(await next.AsTask().WaitAsync(TestRuntime.Timeout));
        var events = batches.Current.ToArray();
        Assert.Equal([2L, 3, 4], events.Select(static e => e.Sequence));
        Assert.Equal(["one ", "two ", "three"], events.Cast<TextMessageContentEvent>().Select(static e => e.Delta));
        Assert.Equal("one two three", message.ToString());
    }

    [Fact]
    public async Task Fragments_appended_together_merge_as_they_would_one_by_one()
    {
        var journal = NewJournal(64);
        var text = new MessageText();
        var reasoning = new MessageText();
        journal.AppendDeltas(RunDeltaKind.Reasoning, "msg_r", reasoning, ["think ", "hard"]);
        journal.AppendDeltas(RunDeltaKind.Text, "msg_t", text, ["an", "swer"]);
        journal.Complete();

        var events = await ReadAllAsync(journal, 0, delivery: RunEventDelivery.MergedDeltas);
        Assert.Equal([1L, 2], events.Select(static e => e.Sequence));
        Assert.Equal("think hard", Assert.IsType<ReasoningMessageContentEvent>(events[0]).Delta);
        Assert.Equal("answer", Assert.IsType<TextMessageContentEvent>(events[1]).Delta);
    }

    private static RunJournal Filled(int count, int capacity)
    {
        var journal = NewJournal(capacity);
        for (var sequence = 1; sequence <= count; sequence++)
        {
            Append(journal, sequence);
        }

        return journal;
    }

    /// <summary>The writer's copy of each message, which the journal appends to and merges from.</summary>
    private readonly Dictionary<(RunDeltaKind, string), MessageText> _messages = [];

    private void AppendDelta(RunJournal journal, RunDeltaKind kind, string messageId, string delta)
    {
        if (!_messages.TryGetValue((kind, messageId), out var message))
        {
            _messages[(kind, messageId)] = message = new MessageText();
        }

        journal.AppendDelta(kind, messageId, delta, message);
    }

    private static RunJournal NewJournal(int capacity) => new(RunId, "session", capacity, TimeProvider.System);

    /// <summary>Appends the next event, checking the journal gives the sequence the test expects.</summary>
    private static void Append(RunJournal journal, long sequence) => journal.Append(sequence, static (expected, given, at) =>
    {
        Assert.Equal(expected, given);
        return Delta(given);
    });

    private static TextMessageContentEvent Delta(long sequence) => new()
    {
        RunId = RunId,
        SessionId = "session",
        Sequence = sequence,
        Timestamp = DateTimeOffset.UnixEpoch,
        MessageId = "msg_1",
        Delta = "d" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static void AppendStart(RunJournal journal, string messageId) => journal.Append(messageId, static (id, sequence, at) => new TextMessageStartEvent
    {
        RunId = RunId,
        SessionId = "session",
        Sequence = sequence,
        Timestamp = at,
        MessageId = id,
    });

    private static async Task<List<AgentEvent>> ReadAllAsync(RunJournal journal, long afterSequence, RunEventDelivery delivery = RunEventDelivery.EveryDelta, CancellationToken cancellationToken = default)
    {
        var events = new List<AgentEvent>();
        await foreach (var agentEvent in journal.ReadAsync(afterSequence, delivery, cancellationToken))
        {
            events.Add(agentEvent);
        }

        return events;
    }
}
