using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.AspNetCore.Streaming;
using GAgent.Runs;

namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>
/// A response as Server-Sent Events: <c>event: &lt;type&gt;</c> plus <c>data: {json}</c> whose <c>type</c> and
/// <c>sequence_number</c> say the same, ending with exactly one <c>response.completed</c>, <c>response.incomplete</c> or
/// <c>response.failed</c>, and no <c>[DONE]</c> (that sentinel belongs to chat completions only). Events up to
/// <c>startingAfter</c> are skipped, so a client can resume.
/// </summary>
internal sealed class ResponseStream(long startingAfter, TimeProvider time) : IDisposable
{
    private readonly PooledJsonWriter _json = new();

    /// <summary>Follows a response whose run is still going (or recently ended and is still retained).</summary>
    public async IAsyncEnumerable<SseItem<ResponseStreamEvent>> LiveAsync(ActiveResponse active, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var projector = new ResponseProjector(active.Template, active.Run.Id);
        foreach (var e in projector.Start())
        {
            if (e.SequenceNumber > startingAfter)
            {
                yield return Item(e);
            }
        }

        await foreach (var batch in RunEventSource.ReadBatchesAsync(active.Run, 0, RunEventDelivery.EveryDelta, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Length; i++)
            {
                var agentEvent = batch.Span[i];
                foreach (var e in projector.Apply(agentEvent))
                {
                    if (e.SequenceNumber > startingAfter)
                    {
                        yield return Item(e);
                    }
                }
            }
        }

        foreach (var e in projector.Abandon(time.GetUtcNow(), "The run ended without a result."))
        {
            yield return Item(e);
        }
    }

    /// <summary>Replays a finished stored response.</summary>
    public IAsyncEnumerable<SseItem<ResponseStreamEvent>> ReplayAsync(ResponseObject stored)
        => ResponseProjector.Replay(stored).Where(e => e.SequenceNumber > startingAfter).Select(Item).ToAsyncEnumerable();

    public void Format(SseItem<ResponseStreamEvent> item, IBufferWriter<byte> buffer)
    {
        var writer = _json.Rent(buffer);
        if (item.Data.Type == ResponseProjector.TextDeltaType)
        {
            WriteTextDelta(writer, item.Data);
        }
        else
        {
            GeneratedJson.Serialize(writer, item.Data, ResponsesJson.Context.ResponseStreamEvent);
        }

        writer.Flush();
    }

    public void Dispose() => _json.Dispose();

    /// <summary>The per-token event, written by hand: the same JSON the serializer writes, without its per-call allocations.</summary>
    private static void WriteTextDelta(Utf8JsonWriter writer, ResponseStreamEvent e)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, e.Type);
        writer.WriteNumber("sequence_number"u8, e.SequenceNumber);
        writer.WriteNumber("output_index"u8, e.OutputIndex ?? 0);
        writer.WriteString("item_id"u8, e.ItemId);
        writer.WriteNumber("content_index"u8, e.ContentIndex ?? 0);
        writer.WriteString("delta"u8, e.Delta);
        writer.WriteStartArray("logprobs"u8);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static SseItem<ResponseStreamEvent> Item(ResponseStreamEvent e) => new(e, e.Type);
}
