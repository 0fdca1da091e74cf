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
    private static readonly byte[] SequencePlaceholder = "\"sequence_number\":0"u8.ToArray();
    private static readonly byte[] DeltaPlaceholder = "\"delta\":\"\""u8.ToArray();

    private readonly PooledJsonWriter _json = new();
    private TextDeltaFrame? _textDeltaFrame;

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
        if (item.Data.Type == ResponseProjector.TextDeltaType)
        {
            WriteTextDelta(buffer, item.Data);
            return;
        }

        var writer = _json.Rent(buffer);
        GeneratedJson.Serialize(writer, item.Data, ResponsesJson.Context.ResponseStreamEvent);
        writer.Flush();
    }

    public void Dispose() => _json.Dispose();

    /// <summary>
    /// The per-token event. Everything in it but the sequence number and the text is the same for every token of an
    /// output text, so those bytes are cut once from a fully written event and copied; only the number and the text
    /// are written per token (see <see cref="PooledJsonWriter.WriteStringBetween"/>).
    /// </summary>
    private void WriteTextDelta(IBufferWriter<byte> buffer, ResponseStreamEvent e)
    {
        var frame = _textDeltaFrame is { } cached && cached.ItemId == e.ItemId && cached.OutputIndex == e.OutputIndex && cached.ContentIndex == e.ContentIndex
            ? cached
            : (_textDeltaFrame = BuildTextDeltaFrame(e)).Value;
        PooledJsonWriter.WriteNumberAfter(buffer, frame.Head, e.SequenceNumber);
        _json.WriteStringBetween(buffer, frame.Middle, e.Delta!, frame.Tail);
    }

    /// <summary>The bytes of a text delta around its sequence number and its text, cut from one written in full.</summary>
    private TextDeltaFrame BuildTextDeltaFrame(ResponseStreamEvent e)
    {
        var sample = new ResponseStreamEvent { Type = e.Type, SequenceNumber = 0, OutputIndex = e.OutputIndex, ItemId = e.ItemId, ContentIndex = e.ContentIndex, Delta = string.Empty };
        var pieces = _json.CutFrame(writer => WriteTextDeltaInFull(writer, sample), SequencePlaceholder, DeltaPlaceholder);
        return new TextDeltaFrame(e.ItemId, e.OutputIndex, e.ContentIndex, pieces[0], pieces[1], pieces[2]);
    }

    /// <summary>The per-token event written field by field: the JSON the serializer writes, and what the frame is cut from.</summary>
    internal static void WriteTextDeltaInFull(Utf8JsonWriter writer, ResponseStreamEvent e)
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
