using GAgent.Events;
using Microsoft.Extensions.AI;

namespace GAgent.Runs;

/// <summary>
/// A handle on a run owned by the run registry, not by whoever started it: callers can detach and re-attach to
/// its events, which are kept in a bounded backlog, and stop it.
/// </summary>
public interface IAgentRun
{
    /// <summary>The run id (<c>run_...</c>).</summary>
    string Id { get; }

    /// <summary>The session the run belongs to (a generated id for ephemeral runs).</summary>
    string SessionId { get; }

    /// <summary>False for ephemeral runs, whose messages are not stored.</summary>
    bool IsPersistent { get; }

    /// <summary>The model the run uses.</summary>
    string ModelId { get; }

    /// <summary>The profile the run uses (persona, tools, memory).</summary>
    string ProfileId { get; }

    /// <summary>Current state.</summary>
    AgentRunStatus Status { get; }

    /// <summary>When the run was accepted.</summary>
    DateTimeOffset CreatedAt { get; }

    /// <summary>When the run ended, if it has.</summary>
    DateTimeOffset? CompletedAt { get; }

    /// <summary>Tokens used so far, summed over every model call.</summary>
    UsageDetails Usage { get; }

    /// <summary>Why the last model call stopped, once known.</summary>
    ChatFinishReason? FinishReason { get; }

    /// <summary>What went wrong, when <see cref="Status"/> is <see cref="AgentRunStatus.Failed"/>.</summary>
    string? ErrorMessage { get; }

    /// <summary>Sequence number of the newest event (0 before the first).</summary>
    long LastSequence { get; }

    /// <summary>Completes when the run has ended and its last event is in the journal. Never faults.</summary>
    Task Completion { get; }

    /// <summary>
    /// Streams the run's events with a sequence greater than <paramref name="afterSequence"/>: first the backlog,
    /// then live events, ending after the run's last event.
    /// </summary>
    /// <exception cref="RunEventsExpiredException">Events after <paramref name="afterSequence"/> already left the bounded backlog.</exception>
    IAsyncEnumerable<AgentEvent> ReadEventsAsync(long afterSequence = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the run's events like <see cref="ReadEventsAsync(long, CancellationToken)"/>, with the text deltas
    /// delivered as <paramref name="delivery"/> asks: <see cref="RunEventDelivery.MergedDeltas"/> suits readers that
    /// only need the run's result, and lets the run skip an event per token while nobody watches it live.
    /// </summary>
    /// <exception cref="RunEventsExpiredException">Events after <paramref name="afterSequence"/> already left the bounded backlog.</exception>
    IAsyncEnumerable<AgentEvent> ReadEventsAsync(long afterSequence, RunEventDelivery delivery, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the same events as <see cref="ReadEventsAsync(long, RunEventDelivery, CancellationToken)"/> in batches:
    /// each batch holds the events that were there when it was asked for, so a reader that is behind the run (a fast
    /// model, a replay) pays for the hand-over once per batch rather than once per event. A batch is valid only until
    /// the next one is asked for (its memory is reused); copy what you keep.
    /// </summary>
    /// <exception cref="RunEventsExpiredException">Events after <paramref name="afterSequence"/> already left the bounded backlog.</exception>
    IAsyncEnumerable<ReadOnlyMemory<AgentEvent>> ReadEventBatchesAsync(long afterSequence, RunEventDelivery delivery, CancellationToken cancellationToken = default);

    /// <summary>Stops the run and cancels its running tools. Returns false when it had already ended.</summary>
    bool RequestStop();
}
