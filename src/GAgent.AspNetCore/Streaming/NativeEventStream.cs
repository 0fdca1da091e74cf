using GAgent.Events;
using GAgent.Runs;

namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// A run's events as native (AG-UI shaped) SSE, data-only, with <c>id:</c> = sequence so a client can resume with
/// <c>Last-Event-ID</c>. A resume point older than the backlog yields one <c>RUN_ERROR</c> saying so, never silence.
/// </summary>
internal sealed class NativeEventStream(IAgentRun run, long afterSequence) : ISseProjection<AgentEvent>, IDisposable
{
    private readonly AgentEventWriter _events = new(includeSessionId: false);

    public IAsyncEnumerable<ReadOnlyMemory<AgentEvent>> ReadBatchesAsync(CancellationToken cancellationToken)
        => RunEventSource.ReadBatchesAsync(run, afterSequence, RunEventDelivery.EveryDelta, cancellationToken);

    public void Write(AgentEvent item, SseEventWriter events)
    {
        _events.Write(events.BeginEvent(), item);
        events.EndEvent(item.Sequence);
    }

    public void Dispose() => _events.Dispose();
}
