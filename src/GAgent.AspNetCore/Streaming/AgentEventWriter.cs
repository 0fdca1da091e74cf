using System.Buffers;
using System.Buffers.Text;
using GAgent.Events;

namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// Writes a stream's or a socket's agent events in the native JSON of <see cref="AgentEventJson"/>. The per-token
/// events, text and reasoning deltas, differ from one another only in their sequence number, timestamp and text: the
/// bytes around those are cut once per message from an event written in full, and copied for each token, with the
/// text written as <see cref="PooledJsonWriter.WriteStringBetween"/> does. Every other event is written in full. The
/// bytes are the same either way (tests compare them).
/// </summary>
/// <param name="includeSessionId">Also write <c>sessionId</c> (the WebSocket, where several sessions share one socket).</param>
internal sealed class AgentEventWriter(bool includeSessionId) : IDisposable
{
    /// <summary>Most bytes of a long written in decimal.</summary>
    private const int MaxDigits = 20;

    private static readonly byte[] TimestampField = ",\"timestamp\":"u8.ToArray();

    private readonly PooledJsonWriter _json = new();
    private AgentDeltaFrame? _frame;

    public void Write(IBufferWriter<byte> buffer, AgentEvent agentEvent)
    {
        var (messageId, delta) = agentEvent switch
        {
            TextMessageContentEvent text => (text.MessageId, text.Delta),
            ReasoningMessageContentEvent reasoning => (reasoning.MessageId, reasoning.Delta),
            _ => (null, null),
        };
        if (messageId is null || delta is null)
        {
            var writer = _json.Rent(buffer);
            AgentEventJson.Write(writer, agentEvent, includeSessionId);
            writer.Flush();
            return;
        }

        var frame = _frame is { } cached && cached.Fits(agentEvent.Type, agentEvent.SessionId, agentEvent.RunId, messageId)
            ? cached
            : _frame = BuildFrame(agentEvent, messageId);
        var span = buffer.GetSpan(frame.Head.Length + MaxDigits + TimestampField.Length + MaxDigits);
        frame.Head.CopyTo(span);
        var at = frame.Head.Length;
        Utf8Formatter.TryFormat(agentEvent.Sequence, span[at..], out var written);
        at += written;
        TimestampField.CopyTo(span[at..]);
        at += TimestampField.Length;
        Utf8Formatter.TryFormat(agentEvent.Timestamp.ToUnixTimeMilliseconds(), span[at..], out written);
        buffer.Advance(at + written);
        _json.WriteStringBetween(buffer, frame.Middle, delta, frame.Tail);
    }

    public void WriteNotification(IBufferWriter<byte> buffer, GAgentNotification notification)
    {
        var writer = _json.Rent(buffer);
        AgentEventJson.WriteNotification(writer, notification);
        writer.Flush();
    }

    public void Dispose() => _json.Dispose();

    /// <summary>The frame of <paramref name="agentEvent"/>'s message, cut from a sample written in full.</summary>
    private AgentDeltaFrame BuildFrame(AgentEvent agentEvent, string messageId)
    {
        AgentEvent sample = agentEvent switch
        {
            TextMessageContentEvent text => text with { Sequence = 0, Timestamp = DateTimeOffset.UnixEpoch, Delta = string.Empty },
            ReasoningMessageContentEvent reasoning => reasoning with { Sequence = 0, Timestamp = DateTimeOffset.UnixEpoch, Delta = string.Empty },
            _ => throw new ArgumentException($"'{agentEvent.Type}' is not a delta event.", nameof(agentEvent)),
        };
        // Pooled: the JSON writer asks for 4 KB of room, which a new buffer per frame would allocate.
        using var buffer = new PooledBufferWriter(4096);
        var writer = _json.Rent(buffer);
        AgentEventJson.Write(writer, sample, includeSessionId);
        writer.Flush();
        var json = buffer.WrittenSpan;
        // Inside JSON strings a quote is always escaped, so these markers can only be the fields themselves.
        var numbers = "\"sequence\":0,\"timestamp\":0"u8;
        var deltaField = "\"delta\":\"\""u8;
        var numbersAt = json.IndexOf(numbers);
        var textAt = json.IndexOf(deltaField) + deltaField.Length - 2;
        if (numbersAt < 0 || textAt < numbersAt)
        {
            throw new InvalidOperationException("The native JSON of a delta event no longer has the shape the frame is cut from.");
        }

        var head = json[..(numbersAt + "\"sequence\":"u8.Length)];
        return new AgentDeltaFrame(agentEvent.Type, agentEvent.SessionId, agentEvent.RunId, messageId, head.ToArray(), json[(numbersAt + numbers.Length)..textAt].ToArray(), json[(textAt + 2)..].ToArray());
    }
}
