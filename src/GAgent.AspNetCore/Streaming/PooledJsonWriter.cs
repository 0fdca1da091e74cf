using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// One reusable <see cref="Utf8JsonWriter"/> per stream, re-pointed at each SSE item's buffer; and the frames the
/// per-token events are copied from: the bytes of an event around the values that change from token to token, cut
/// once from an event written in full (<see cref="CutFrame"/>), then written around those values per token
/// (<see cref="WriteNumberAfter"/>, <see cref="WriteStringBetween"/>), byte for byte what the writer writes.
/// </summary>
internal sealed class PooledJsonWriter : IDisposable
{
    /// <summary>Most bytes of a <see cref="long"/> written in decimal.</summary>
    private const int MaxDigits = 20;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>The characters <see cref="Options"/> writes as they are: printable ASCII except the quote and the backslash.</summary>
    private static readonly SearchValues<char> Verbatim = SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly Utf8JsonWriter _writer = new(Stream.Null, Options);

    public Utf8JsonWriter Rent(IBufferWriter<byte> buffer)
    {
        _writer.Reset(buffer);
        return _writer;
    }

    /// <summary>
    /// Writes <paramref name="text"/> as a JSON string between <paramref name="head"/> and <paramref name="tail"/>,
    /// byte for byte as <see cref="Utf8JsonWriter.WriteStringValue(string)"/> of this writer would. A streamed token
    /// is most often plain ASCII that needs no escaping; that is copied straight into one span of the buffer, without
    /// the writer's per-call setup and flush.
    /// </summary>
    public void WriteStringBetween(IBufferWriter<byte> buffer, ReadOnlySpan<byte> head, string text, ReadOnlySpan<byte> tail)
    {
        if (text.AsSpan().ContainsAnyExcept(Verbatim))
        {
            buffer.Write(head);
            var writer = Rent(buffer);
            writer.WriteStringValue(text);
            writer.Flush();
            buffer.Write(tail);
            return;
        }

        var length = head.Length + text.Length + 2 + tail.Length;
        var span = buffer.GetSpan(length);
        head.CopyTo(span);
        var at = head.Length;
        span[at++] = (byte)'"';
        Ascii.FromUtf16(text, span[at..], out var written);
        at += written;
        span[at++] = (byte)'"';
        tail.CopyTo(span[at..]);
        buffer.Advance(length);
    }

    /// <summary>
    /// Writes a sample event with <paramref name="writeSample"/> and cuts it at its placeholders, in order: each is a
    /// field as the sample writes it, ending in the placeholder value after its last colon (<c>"sequence":0</c>,
    /// <c>"delta":""</c>). The pieces are the bytes before the first value, between each value and the next, and after
    /// the last one. Throws when the sample lacks a placeholder (the event's JSON changed shape).
    /// </summary>
    public byte[][] CutFrame(Action<Utf8JsonWriter> writeSample, params byte[][] placeholders)
    {
        // Pooled: the JSON writer asks for 4 KB of room, which a new buffer per frame would allocate.
        using var buffer = new PooledBufferWriter(4096);
        var writer = Rent(buffer);
        writeSample(writer);
        writer.Flush();
        var sample = buffer.WrittenSpan;
        var pieces = new byte[placeholders.Length + 1][];
        var from = 0;
        for (var i = 0; i < placeholders.Length; i++)
        {
            // Inside JSON strings a quote is always escaped, so a placeholder can only match the field itself.
            var placeholder = placeholders[i];
            var found = sample[from..].IndexOf(placeholder);
            if (found < 0)
            {
                throw new InvalidOperationException($"The sample event has no '{Encoding.UTF8.GetString(placeholder)}' after byte {from}; its JSON no longer has the shape the frame is cut from.");
            }

            var valueAt = from + found + placeholder.AsSpan().LastIndexOf((byte)':') + 1;
            pieces[i] = sample[from..valueAt].ToArray();
            from += found + placeholder.Length;
        }

        pieces[^1] = sample[from..].ToArray();
        return pieces;
    }

    /// <summary>Writes <paramref name="head"/> and then <paramref name="value"/> in decimal, as the JSON writer writes a number.</summary>
    public static void WriteNumberAfter(IBufferWriter<byte> buffer, ReadOnlySpan<byte> head, long value)
    {
        var span = buffer.GetSpan(head.Length + MaxDigits);
        head.CopyTo(span);
        Utf8Formatter.TryFormat(value, span[head.Length..], out var digits);
        buffer.Advance(head.Length + digits);
    }

    public void Dispose() => _writer.Dispose();
}
