using System.Runtime.CompilerServices;
using GAgent.Events;
using GAgent.Runs;
using Microsoft.Extensions.AI;

namespace GAgent.Benchmarks;

/// <summary>
/// A finished run whose events are prepared once and handed out in the journal's batch size without waiting, so a
/// stream's benchmark measures the projection, the framing and the write, and not how a loop and a reader interleave.
/// </summary>
internal sealed class RecordedRun : IAgentRun
{
    private const int BatchSize = 64;
    private readonly AgentEvent[] _events;

    public RecordedRun(int tokens, string token)
    {
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        var events = new List<AgentEvent>
        {
            new RunStartedEvent { RunId = Id, SessionId = SessionId, Sequence = 1, Timestamp = at },
            new TextMessageStartEvent { RunId = Id, SessionId = SessionId, Sequence = 2, Timestamp = at, MessageId = "msg_0198f3a2c4b07c1e9f0a1b2c3d4e5f61" },
        };
        for (var i = 0; i < tokens; i++)
        {
            events.Add(new TextMessageContentEvent { RunId = Id, SessionId = SessionId, Sequence = events.Count + 1, Timestamp = at, MessageId = "msg_0198f3a2c4b07c1e9f0a1b2c3d4e5f61", Delta = token });
        }

        events.Add(new TextMessageEndEvent { RunId = Id, SessionId = SessionId, Sequence = events.Count + 1, Timestamp = at, MessageId = "msg_0198f3a2c4b07c1e9f0a1b2c3d4e5f61" });
        events.Add(new RunFinishedEvent
        {
            RunId = Id,
            SessionId = SessionId,
            Sequence = events.Count + 1,
            Timestamp = at,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = tokens, TotalTokenCount = tokens + 10 },
        });
        _events = [.. events];
    }

    public string Id => "run_0198f3a2c4b07c1e9f0a1b2c3d4e5f60";

    public string SessionId => "ses_0198f3a2c4b07c1e9f0a1b2c3d4e5f60";

    public bool IsPersistent => false;

    public string ModelId => "zero";

    public string ProfileId => "default";

    public AgentRunStatus Status => AgentRunStatus.Completed;

    public DateTimeOffset CreatedAt => _events[0].Timestamp;

    public DateTimeOffset? CompletedAt => _events[^1].Timestamp;

    public UsageDetails Usage => ((RunFinishedEvent)_events[^1]).Usage!;

    public ChatFinishReason? FinishReason => ChatFinishReason.Stop;

    public string? ErrorMessage => null;

    public long LastSequence => _events.Length;

    public Task Completion => Task.CompletedTask;

    public int EventCount => _events.Length;

    public IAsyncEnumerable<AgentEvent> ReadEventsAsync(long afterSequence = 0, CancellationToken cancellationToken = default)
        => ReadEventsAsync(afterSequence, RunEventDelivery.EveryDelta, cancellationToken);

    public async IAsyncEnumerable<AgentEvent> ReadEventsAsync(long afterSequence, RunEventDelivery delivery, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var batch in ReadEventBatchesAsync(afterSequence, delivery, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Length; i++)
            {
                yield return batch.Span[i];
            }
        }
    }

#pragma warning disable CS1998 // The batches are all there: nothing to wait for, as with a journal a reader has fallen behind.
    public async IAsyncEnumerable<ReadOnlyMemory<AgentEvent>> ReadEventBatchesAsync(long afterSequence, RunEventDelivery delivery, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS1998
    {
        for (var start = (int)Math.Max(0, afterSequence); start < _events.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return _events.AsMemory(start, Math.Min(BatchSize, _events.Length - start));
        }
    }

    public bool RequestStop() => false;
}
