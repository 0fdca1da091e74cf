using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.AspNetCore.Streaming;
using GAgent.Events;
using GAgent.Runs;

namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>
/// A response whose run is still going (or recently ended and is still retained) as Server-Sent Events:
/// <c>event: &lt;type&gt;</c> plus <c>data: {json}</c> whose <c>type</c> and <c>sequence_number</c> say the same,
/// ending with exactly one <c>response.completed</c>, <c>response.incomplete</c> or <c>response.failed</c>, and no
/// <c>[DONE]</c> (that sentinel belongs to chat completions only). Events up to <paramref name="startingAfter"/> are
/// skipped, so a client can resume.
/// </summary>
internal sealed class ResponseStream(ActiveResponse active, long startingAfter, TimeProvider time) : ISseProjection<AgentEvent>, IDisposable
{
    private readonly ResponseProjector _projector = new(active.Template, active.Run.Id);
    private readonly ResponseEventFormatter _formatter = new();

    public IAsyncEnumerable<ReadOnlyMemory<AgentEvent>> ReadBatchesAsync(CancellationToken cancellationToken)
        => RunEventSource.ReadBatchesAsync(active.Run, 0, RunEventDelivery.EveryDelta, cancellationToken);

    public void WriteStart(SseEventWriter events) => WriteAll(_projector.Start(), events);

    public void Write(AgentEvent item, SseEventWriter events)
    {
        // The projector reuses its list (and its per-token event) for the next item: written before asking again.
        var projected = _projector.Apply(item);
        for (var i = 0; i < projected.Count; i++)
        {
            WriteOne(projected[i], events);
        }
    }

    /// <summary>A run that ended without a final event (it should not happen) still ends its response.</summary>
    public void WriteEnd(SseEventWriter events) => WriteAll(_projector.Abandon(time.GetUtcNow(), "The run ended without a result."), events);

    public void Dispose() => _formatter.Dispose();

    private void WriteAll(IEnumerable<ResponseStreamEvent> projected, SseEventWriter events)
    {
        foreach (var e in projected)
        {
            WriteOne(e, events);
        }
    }

    private void WriteOne(ResponseStreamEvent e, SseEventWriter events)
    {
        if (e.SequenceNumber > startingAfter)
        {
            _formatter.Write(e, events);
        }
    }
}
