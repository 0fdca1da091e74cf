using System.Buffers;
using System.Net.ServerSentEvents;

namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// Frames Server-Sent Events into the batch a stream sends next: an optional <c>event:</c> line, the payload as
/// <c>data:</c> lines, an optional <c>id:</c> line and the blank line that ends the event, byte for byte as
/// <see cref="SseFormatter"/> frames them. The payload is written in place between <see cref="BeginEvent"/> and
/// <see cref="EndEvent"/>; per-token events whose bytes are known to be whole events (cut once from an event framed
/// here) go straight to <see cref="Framed"/>.
/// </summary>
internal sealed class SseEventWriter(int initialCapacity) : IDisposable
{
    private static ReadOnlySpan<byte> EventPrefix => "event: "u8;
    private static ReadOnlySpan<byte> IdPrefix => "id: "u8;
    private static ReadOnlySpan<byte> DataPrefix => "data: "u8;
    private static ReadOnlySpan<byte> LineBreaks => "\r\n"u8;

    private readonly PooledBufferWriter _buffer = new(initialCapacity);
    private ArrayBufferWriter<byte>? _scratch;
    private int _payloadStart = -1;

    /// <summary>
    /// Where bytes that already are whole events go: a payload written here gets no framing and no check, so it must
    /// hold complete events whose data has no line break (JSON written compactly never has one).
    /// </summary>
    public IBufferWriter<byte> Framed => _buffer;

    public int WrittenCount => _buffer.WrittenCount;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    /// <summary>
    /// Starts an event and returns where its payload goes. <paramref name="eventType"/> null writes no <c>event:</c>
    /// line (a client then assumes <c>message</c>).
    /// </summary>
    public IBufferWriter<byte> BeginEvent(string? eventType = null)
    {
        if (_payloadStart >= 0)
        {
            throw new InvalidOperationException("The previous event was not ended.");
        }

        if (eventType is not null)
        {
            _buffer.Write(EventPrefix);
            WriteUtf8Line(eventType);
        }

        _buffer.Write(DataPrefix);
        _payloadStart = _buffer.WrittenCount;
        return _buffer;
    }

    /// <summary>Ends the event <see cref="BeginEvent"/> started, with <paramref name="id"/> as its <c>id:</c> line when given.</summary>
    public void EndEvent(long? id = null)
    {
        if (_payloadStart < 0)
        {
            throw new InvalidOperationException("No event was begun.");
        }

        if (_buffer.WrittenSpan[_payloadStart..].IndexOfAny(LineBreaks) >= 0)
        {
            // Rare (our payloads are JSON, whose writer escapes line breaks): every line of the payload needs its own prefix.
            RewriteAsLines(_payloadStart);
        }

        _payloadStart = -1;
        _buffer.Write("\n"u8);
        if (id is { } value)
        {
            PooledJsonWriter.WriteNumberAfter(_buffer, IdPrefix, value);
            _buffer.Write("\n"u8);
        }

        _buffer.Write("\n"u8);
    }

    /// <summary>
    /// The bytes of a whole event before and after the changing middle of its payload, given the payload's bytes
    /// before and after it: for per-token events copied to <see cref="Framed"/>. Neither part may hold a line break.
    /// </summary>
    public static (byte[] Head, byte[] Tail) FrameAround(string? eventType, ReadOnlySpan<byte> payloadHead, ReadOnlySpan<byte> payloadTail)
    {
        if (payloadHead.IndexOfAny(LineBreaks) >= 0 || payloadTail.IndexOfAny(LineBreaks) >= 0)
        {
            throw new ArgumentException("A payload framed once for every token cannot span lines.");
        }

        using var events = new SseEventWriter(payloadHead.Length + payloadTail.Length + 64);
        var payload = events.BeginEvent(eventType);
        payload.Write(payloadHead);
        var headLength = events.WrittenCount;
        payload.Write(payloadTail);
        events.EndEvent();
        var framed = events.WrittenMemory.Span;
        return (framed[..headLength].ToArray(), framed[headLength..].ToArray());
    }

    /// <summary>Forgets everything written after the first <paramref name="length"/> bytes, an unfinished event included.</summary>
    public void Truncate(int length)
    {
        _buffer.Truncate(length);
        if (_payloadStart > length)
        {
            _payloadStart = -1;
        }
    }

    public void Clear() => Truncate(0);

    public void Dispose() => _buffer.Dispose();

    private void WriteUtf8Line(string value)
    {
        var span = _buffer.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(value.Length) + 1);
        var written = System.Text.Encoding.UTF8.GetBytes(value, span);
        span[written] = (byte)'\n';
        _buffer.Advance(written + 1);
    }

    /// <summary>Splits the payload written after <paramref name="payloadStart"/> at CR, LF and CRLF into <c>data:</c> lines.</summary>
    private void RewriteAsLines(int payloadStart)
    {
        var scratch = _scratch ??= new ArrayBufferWriter<byte>();
        scratch.ResetWrittenCount();
        var payload = _buffer.WrittenSpan[payloadStart..];
        while (true)
        {
            var end = payload.IndexOfAny(LineBreaks);
            if (end < 0)
            {
                scratch.Write(payload);
                break;
            }

            scratch.Write(payload[..end]);
            scratch.Write("\n"u8);
            scratch.Write(DataPrefix);
            payload = payload[end] == (byte)'\r' && end + 1 < payload.Length && payload[end + 1] == (byte)'\n' ? payload[(end + 2)..] : payload[(end + 1)..];
        }

        _buffer.Truncate(payloadStart);
        _buffer.Write(scratch.WrittenSpan);
    }
}
