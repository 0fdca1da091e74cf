using System.Buffers;
using System.Net.ServerSentEvents;

namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// Frames one item as a Server-Sent Event (<c>event:</c>, <c>data:</c>, <c>id:</c> and <c>retry:</c> lines and the blank
/// line that ends it) into a buffer (which may already hold the events framed before it), with the payload written in place by the stream's formatter. The framing follows
/// <see cref="SseFormatter"/> byte for byte; it exists so a whole event can reach the server in one write.
/// </summary>
internal static class SseEventFraming
{
    private const string DefaultEventType = "message";
    private static ReadOnlySpan<byte> EventPrefix => "event: "u8;
    private static ReadOnlySpan<byte> IdPrefix => "id: "u8;
    private static ReadOnlySpan<byte> RetryPrefix => "retry: "u8;
    private static ReadOnlySpan<byte> DataPrefix => "data: "u8;
    private static ReadOnlySpan<byte> LineBreaks => "\r\n"u8;

    /// <summary>Appends the framed event to <paramref name="buffer"/>; <paramref name="scratch"/> is only used for payloads that span lines.</summary>
    public static void Write<T>(PooledBufferWriter buffer, SseItem<T> item, Action<SseItem<T>, IBufferWriter<byte>> formatter, ArrayBufferWriter<byte> scratch)
    {
        // SseItem reports a missing type as "message", which is also what a client assumes without the field.
        if (item.EventType is { } eventType && eventType != DefaultEventType)
        {
            WriteField(buffer, EventPrefix, eventType);
        }

        buffer.Write(DataPrefix);
        var payloadStart = buffer.WrittenCount;
        formatter(item, buffer);
        if (buffer.WrittenSpan[payloadStart..].IndexOfAny(LineBreaks) >= 0)
        {
            // Rare (our payloads are JSON, whose writer escapes line breaks): every line of the payload needs its own prefix.
            RewriteAsLines(buffer, payloadStart, scratch);
        }

        buffer.Write("\n"u8);
        if (item.EventId is { } eventId)
        {
            WriteField(buffer, IdPrefix, eventId);
        }

        if (item.ReconnectionInterval is { } retry)
        {
            WriteField(buffer, RetryPrefix, ((long)retry.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        buffer.Write("\n"u8);
    }

    private static void WriteField(PooledBufferWriter buffer, ReadOnlySpan<byte> prefix, string value)
    {
        buffer.Write(prefix);
        var span = buffer.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(value.Length) + 1);
        var written = System.Text.Encoding.UTF8.GetBytes(value, span);
        span[written] = (byte)'\n';
        buffer.Advance(written + 1);
    }

    /// <summary>Splits the payload written after <paramref name="payloadStart"/> at CR, LF and CRLF into <c>data:</c> lines.</summary>
    private static void RewriteAsLines(PooledBufferWriter buffer, int payloadStart, ArrayBufferWriter<byte> scratch)
    {
        scratch.ResetWrittenCount();
        var payload = buffer.WrittenSpan[payloadStart..];
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

        buffer.Truncate(payloadStart);
        buffer.Write(scratch.WrittenSpan);
    }
}
