using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using GAgent.Events;
using GAgent.Runs;

namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// A run's events as native (AG-UI shaped) SSE, data-only, with <c>id:</c> = sequence so a client can resume with
/// <c>Last-Event-ID</c>. A resume point older than the backlog yields one <c>RUN_ERROR</c> saying so, never silence.
/// </summary>
internal sealed class NativeEventStream(IAgentRun run, long afterSequence) : IDisposable
{
    private readonly AgentEventWriter _events = new(includeSessionId: false);

    public async IAsyncEnumerable<SseItem<AgentEvent>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in RunEventSource.ReadBatchesAsync(run, afterSequence, RunEventDelivery.EveryDelta, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Length; i++)
            {
                var agentEvent = batch.Span[i];
                yield return new SseItem<AgentEvent>(agentEvent) { EventId = agentEvent.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
        }
    }

    public void Format(SseItem<AgentEvent> item, IBufferWriter<byte> buffer) => _events.Write(buffer, item.Data);

    public void Dispose() => _events.Dispose();
}
