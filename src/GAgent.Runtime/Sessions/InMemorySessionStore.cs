using System.Collections.Concurrent;

namespace GAgent.Sessions;

/// <summary>
/// A thread-safe <see cref="ISessionStore"/> that keeps everything in memory, for tests and throwaway hosts. Messages are
/// held by reference, not serialized.
/// </summary>
public sealed class InMemorySessionStore : ISessionStore
{
    private readonly ConcurrentDictionary<string, InMemorySession> _sessions = new(StringComparer.Ordinal);
    private readonly SessionIndex _index = new();
    private readonly TimeProvider _time;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock for created and updated times; the system clock when null.</param>
    public InMemorySessionStore(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public ValueTask<SessionPage> ListAsync(SessionQuery query, CancellationToken cancellationToken = default)
    {
        SessionListing.Validate(query);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(SessionListing.Page(_index, query));
    }

    /// <inheritdoc />
    public ValueTask<SessionInfo> CreateAsync(NewSession session, CancellationToken cancellationToken = default)
    {
        var info = SessionInfoChanges.Create(session, _time.GetUtcNow());
        cancellationToken.ThrowIfCancellationRequested();
        var created = new InMemorySession(info);
        lock (created.Sync)
        {
            // Listed only once added; a concurrent delete of the id takes the session's lock before unlisting it.
            if (!_sessions.TryAdd(info.Id, created))
            {
                throw new SessionAlreadyExistsException(info.Id);
            }

            _index.Set(info);
        }

        return ValueTask.FromResult(info);
    }

    /// <inheritdoc />
    public ValueTask<SessionInfo?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!SessionIds.IsValid(sessionId) || !_sessions.TryGetValue(sessionId, out var session))
        {
            return ValueTask.FromResult<SessionInfo?>(null);
        }

        lock (session.Sync)
        {
            return ValueTask.FromResult(session.Deleted ? null : session.Info);
        }
    }

    /// <inheritdoc />
    public ValueTask<SessionInfo> AppendAsync(string sessionId, IReadOnlyList<StoredMessage> messages, CancellationToken cancellationToken = default)
    {
        SessionInfoChanges.ValidateMessages(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var session = Find(sessionId);
        lock (session.Sync)
        {
            ThrowIfDeleted(session, sessionId);
            if (messages.Count == 0)
            {
                return ValueTask.FromResult(session.Info);
            }

            // Copy the content lists so later changes to the caller's lists do not rewrite history.
            foreach (var message in messages)
            {
                session.Messages.Add(message with { Contents = [.. message.Contents] });
            }

            session.Info = SessionInfoChanges.Appended(session.Info, messages.Count, _time.GetUtcNow());
            _index.Set(session.Info);
            return ValueTask.FromResult(session.Info);
        }
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var session = Find(sessionId);
        lock (session.Sync)
        {
            ThrowIfDeleted(session, sessionId);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<SessionInfo> UpdateAsync(string sessionId, SessionPatch patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        cancellationToken.ThrowIfCancellationRequested();
        var session = Find(sessionId);
        lock (session.Sync)
        {
            ThrowIfDeleted(session, sessionId);
            session.Info = SessionInfoChanges.Patched(session.Info, patch, _time.GetUtcNow());
            _index.Set(session.Info);
            return ValueTask.FromResult(session.Info);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!SessionIds.IsValid(sessionId) || !_sessions.TryGetValue(sessionId, out var session))
        {
            return ValueTask.FromResult(false);
        }

        lock (session.Sync)
        {
            if (session.Deleted)
            {
                return ValueTask.FromResult(false);
            }

            // Unlisted before the id is freed, so a session created again under it is never unlisted by this delete.
            session.Deleted = true;
            _index.Remove(sessionId);
            _sessions.TryRemove(new KeyValuePair<string, InMemorySession>(sessionId, session));
        }

        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    public ValueTask<MessagePage> ReadMessagesAsync(string sessionId, MessageQuery query, CancellationToken cancellationToken = default)
    {
        MessagePaging.ValidateLimit(query);
        cancellationToken.ThrowIfCancellationRequested();
        var session = Find(sessionId);
        lock (session.Sync)
        {
            ThrowIfDeleted(session, sessionId);
            var (start, end) = MessagePaging.Range(query, session.Messages.Count);
            var items = session.Messages.GetRange((int)start, (int)(end - start)).ToArray();
            return ValueTask.FromResult(new MessagePage { Items = items, FirstIndex = start, TotalCount = session.Messages.Count });
        }
    }

    private InMemorySession Find(string sessionId) =>
        SessionIds.IsValid(sessionId) && _sessions.TryGetValue(sessionId, out var session)
            ? session
            : throw new SessionNotFoundException(sessionId);

    private static void ThrowIfDeleted(InMemorySession session, string sessionId)
    {
        if (session.Deleted)
        {
            throw new SessionNotFoundException(sessionId);
        }
    }
}
