namespace GAgent.Sessions;

/// <summary>
/// Persistent sessions. Implementations are thread-safe, never read whole histories to list sessions, and pass the
/// shared conformance suite. The default is the append-only JSONL file store; an in-memory store serves tests.
/// </summary>
public interface ISessionStore
{
    /// <summary>Lists sessions, pinned first then most recently updated, filtered by <see cref="SessionQuery.Search"/>.</summary>
    /// <exception cref="ArgumentException">The limit is out of range or the cursor is not one this store issued.</exception>
    ValueTask<SessionPage> ListAsync(SessionQuery query, CancellationToken cancellationToken = default);

    /// <summary>Creates a session.</summary>
    /// <exception cref="ArgumentException">The id is not a valid session id.</exception>
    /// <exception cref="SessionAlreadyExistsException">A session with the id exists.</exception>
    ValueTask<SessionInfo> CreateAsync(NewSession session, CancellationToken cancellationToken = default);

    /// <summary>Gets a session's metadata, or null when it does not exist (or the id is not valid).</summary>
    ValueTask<SessionInfo?> GetAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Appends messages in order and returns the updated metadata. Call <see cref="FlushAsync"/> to make them durable.</summary>
    /// <exception cref="SessionNotFoundException">The session does not exist.</exception>
    ValueTask<SessionInfo> AppendAsync(string sessionId, IReadOnlyList<StoredMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Makes everything appended so far durable (fsync for file stores). The agent loop calls it at the end of each turn.</summary>
    /// <exception cref="SessionNotFoundException">The session does not exist.</exception>
    ValueTask FlushAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Changes title, pin or profile.</summary>
    /// <exception cref="SessionNotFoundException">The session does not exist.</exception>
    ValueTask<SessionInfo> UpdateAsync(string sessionId, SessionPatch patch, CancellationToken cancellationToken = default);

    /// <summary>Deletes a session and its messages. Returns false when it did not exist.</summary>
    ValueTask<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Reads a page of messages, newest page first (see <see cref="MessageQuery"/>). Reads only what the page needs.</summary>
    /// <exception cref="SessionNotFoundException">The session does not exist.</exception>
    /// <exception cref="ArgumentException">The limit or the index is out of range.</exception>
    ValueTask<MessagePage> ReadMessagesAsync(string sessionId, MessageQuery query, CancellationToken cancellationToken = default);
}
