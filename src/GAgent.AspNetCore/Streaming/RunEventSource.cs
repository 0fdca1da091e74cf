using System.Runtime.CompilerServices;
using GAgent.Events;
using GAgent.Runs;

namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// Reads a run's events for a streaming response. When the resume point (or a reader too slow for the bounded
/// backlog) falls behind the oldest kept event, the stream ends with a <c>RUN_ERROR</c> saying so instead of breaking.
/// Streaming readers ask for every delta; readers that fold a run into one result ask for merged deltas.
/// </summary>
internal static class RunEventSource
{
    /// <summary>
    /// The run's events in the batches the run hands over (see <see cref="IAgentRun.ReadEventBatchesAsync"/>); each
    /// batch is valid until the next is asked for.
    /// </summary>
    public static async IAsyncEnumerable<ReadOnlyMemory<AgentEvent>> ReadBatchesAsync(IAgentRun run, long afterSequence, RunEventDelivery delivery, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerator<ReadOnlyMemory<AgentEvent>>? batches = null;
        RunEventsExpiredException? expired = null;
        try
        {
            try
            {
                batches = run.ReadEventBatchesAsync(afterSequence, delivery, cancellationToken).GetAsyncEnumerator(cancellationToken);
            }
            catch (RunEventsExpiredException ex)
            {
                expired = ex;
            }

            while (expired is null)
            {
                try
                {
                    if (!await batches!.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (RunEventsExpiredException ex)
                {
                    expired = ex;
                    break;
                }

                yield return batches.Current;
            }

            yield return new AgentEvent[]
            {
                new RunErrorEvent
                {
                    RunId = run.Id,
                    SessionId = run.SessionId,
                    Sequence = expired.OldestAvailable - 1,
                    Timestamp = DateTimeOffset.UtcNow,
                    Code = expired.ErrorCode,
                    Message = expired.Message,
                },
            };
        }
        finally
        {
            if (batches is not null)
            {
                await batches.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
