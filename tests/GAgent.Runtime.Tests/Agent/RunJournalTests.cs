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
        var journal = new RunJournal(RunId, 64);
        var received = new List<long>();
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            await foreach (var agentEvent in journal.ReadAsync(0, CancellationToken.None))
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
        var journal = new RunJournal(RunId, 1024);
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
        await using var enumerator = journal.ReadAsync(0, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(1, enumerator.Current.Sequence);

        for (var sequence = 5; sequence <= 30; sequence++)
        {
            Append(journal, sequence);
        }

        var expired = await Assert.ThrowsAsync<RunEventsExpiredException>(async () => await enumerator.MoveNextAsync());
        Assert.Equal(1, expired.RequestedAfter);
        Assert.Equal(15, expired.OldestAvailable);
    }

    [Fact]
    public void Append_rejects_gaps_and_repeats_so_sequences_grow_by_exactly_one()
    {
        var journal = Filled(2, capacity: 16);

        Assert.Throws<InvalidOperationException>(() => Append(journal, 4));
        Assert.Throws<InvalidOperationException>(() => Append(journal, 2));
        Append(journal, 3);
        Assert.Equal(3, journal.LastSequence);
    }

    [Fact]
    public async Task Complete_ends_waiting_readers_and_refuses_further_events()
    {
        var journal = new RunJournal(RunId, 16);
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
        var reading = ReadAllAsync(journal, 1, cancel.Token);

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

    private static RunJournal Filled(int count, int capacity)
    {
        var journal = new RunJournal(RunId, capacity);
        for (var sequence = 1; sequence <= count; sequence++)
        {
            Append(journal, sequence);
        }

        return journal;
    }

    private static void Append(RunJournal journal, long sequence) => journal.Append(new TextMessageContentEvent
    {
        RunId = RunId,
        SessionId = "session",
        Sequence = sequence,
        Timestamp = DateTimeOffset.UnixEpoch,
        MessageId = "msg_1",
        Delta = "d" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static async Task<List<AgentEvent>> ReadAllAsync(RunJournal journal, long afterSequence, CancellationToken cancellationToken = default)
    {
        var events = new List<AgentEvent>();
        await foreach (var agentEvent in journal.ReadAsync(afterSequence, cancellationToken))
        {
            events.Add(agentEvent);
        }

        return events;
    }
}
