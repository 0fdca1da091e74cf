using System.Buffers;
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
    private static readonly byte[] SequencePlaceholder = "\"sequence\":0"u8.ToArray();
    private static readonly byte[] TimestampPlaceholder = "\"timestamp\":0"u8.ToArray();
    private static readonly byte[] DeltaPlaceholder = "\"delta\":\"\""u8.ToArray();

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
        PooledJsonWriter.WriteNumberAfter(buffer, frame.Head, agentEvent.Sequence);
        PooledJsonWriter.WriteNumberAfter(buffer, frame.BeforeTimestamp, agentEvent.Timestamp.ToUnixTimeMilliseconds());
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
        var pieces = _json.CutFrame(writer => AgentEventJson.Write(writer, sample, includeSessionId), SequencePlaceholder, TimestampPlaceholder, DeltaPlaceholder);
        return new AgentDeltaFrame(agentEvent.Type, agentEvent.SessionId, agentEvent.RunId, messageId, pieces[0], pieces[1], pieces[2], pieces[3]);
    }
}
