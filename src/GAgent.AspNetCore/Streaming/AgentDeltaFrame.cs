namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// The fixed bytes of a message's per-token events (text or reasoning deltas) in the native JSON: before the
/// sequence number, between it and the timestamp, after the timestamp up to the text, and after the text; valid for
/// the event type, session, run and message it was cut for.
/// </summary>
internal sealed record AgentDeltaFrame(string Type, string SessionId, string RunId, string MessageId, byte[] Head, byte[] BeforeTimestamp, byte[] Middle, byte[] Tail)
{
    public bool Fits(string type, string sessionId, string runId, string messageId)
        => Same(Type, type) && Same(SessionId, sessionId) && Same(RunId, runId) && Same(MessageId, messageId);

    // The journal hands every event of a run the same id strings, so the reference check almost always decides.
    private static bool Same(string a, string b) => ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal);
}
