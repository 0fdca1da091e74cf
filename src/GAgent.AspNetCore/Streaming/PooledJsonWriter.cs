using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GAgent.AspNetCore.Streaming;

/// <summary>One reusable <see cref="Utf8JsonWriter"/> per stream, re-pointed at each SSE item's buffer.</summary>
internal sealed class PooledJsonWriter : IDisposable
{
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

    public void Dispose() => _writer.Dispose();
}
