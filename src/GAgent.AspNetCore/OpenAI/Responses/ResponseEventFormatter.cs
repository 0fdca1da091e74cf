using System.Text.Json;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.AspNetCore.Streaming;

namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>
/// Writes Responses stream events as Server-Sent Events: <c>event: &lt;type&gt;</c> plus <c>data: {json}</c>. The
/// per-token <c>response.output_text.delta</c> is copied from a frame, the rest go through the generated serializer.
/// </summary>
internal sealed class ResponseEventFormatter : IDisposable
{
    private static readonly byte[] SequencePlaceholder = "\"sequence_number\":0"u8.ToArray();
    private static readonly byte[] DeltaPlaceholder = "\"delta\":\"\""u8.ToArray();

    private readonly PooledJsonWriter _json = new();
    private TextDeltaFrame? _textDeltaFrame;

    public void Write(ResponseStreamEvent e, SseEventWriter events)
    {
        if (e.Type == ResponseProjector.TextDeltaType)
        {
            WriteTextDelta(events, e);
            return;
        }

        var writer = _json.Rent(events.BeginEvent(e.Type));
        GeneratedJson.Serialize(writer, e, ResponsesJson.Context.ResponseStreamEvent);
        writer.Flush();
        events.EndEvent();
    }

    public void Dispose() => _json.Dispose();

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

    /// <summary>
    /// The per-token event. Everything in it but the sequence number and the text is the same for every token of an
    /// output text, so those bytes, with the event's SSE framing, are cut once from a fully written event and copied;
    /// only the number and the text are written per token (see <see cref="PooledJsonWriter.WriteStringBetween"/>).
    /// </summary>
    private void WriteTextDelta(SseEventWriter events, ResponseStreamEvent e)
    {
        var frame = _textDeltaFrame is { } cached && cached.ItemId == e.ItemId && cached.OutputIndex == e.OutputIndex && cached.ContentIndex == e.ContentIndex
            ? cached
            : (_textDeltaFrame = BuildTextDeltaFrame(e)).Value;
        PooledJsonWriter.WriteNumberAfter(events.Framed, frame.Head, e.SequenceNumber);
        _json.WriteStringBetween(events.Framed, frame.Middle, e.Delta!, frame.Tail);
    }

    /// <summary>The bytes of a text delta event around its sequence number and its text, cut from one written in full.</summary>
    private TextDeltaFrame BuildTextDeltaFrame(ResponseStreamEvent e)
    {
        var sample = new ResponseStreamEvent { Type = e.Type, SequenceNumber = 0, OutputIndex = e.OutputIndex, ItemId = e.ItemId, ContentIndex = e.ContentIndex, Delta = string.Empty };
        var pieces = _json.CutFrame(writer => WriteTextDeltaInFull(writer, sample), SequencePlaceholder, DeltaPlaceholder);
        var (head, tail) = SseEventWriter.FrameAround(e.Type, pieces[0], pieces[2]);
        return new TextDeltaFrame(e.ItemId, e.OutputIndex, e.ContentIndex, head, pieces[1], tail);
    }
}
