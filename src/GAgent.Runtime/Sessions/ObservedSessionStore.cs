using System.Text.Json;
using GAgent.Agent;
using GAgent.Events;

namespace GAgent.Sessions;

/// <summary>
/// Wraps the registered <see cref="ISessionStore"/> (whichever implementation the host chose) and publishes
/// <c>gagent.session.*</c> notifications for every change made through GAgent, so live clients (a second browser
/// tab, the sessions sidebar) follow sessions created by channels, renamed elsewhere or titled by the agent.
/// Message appends are announced once per turn, when the turn is flushed, not once per message.
/// </summary>
internal sealed class ObservedSessionStore(ISessionStore inner, IGAgentEventBus bus, RunRegistry runs, TimeProvider time) : ISessionStore
{
    /// <summary>The store being observed.</summary>
    public ISessionStore Inner => inner;

    public ValueTask<SessionPage> ListAsync(SessionQuery query, CancellationToken cancellationToken = default)
        => inner.ListAsync(query, cancellationToken);

    public async ValueTask<SessionInfo> CreateAsync(NewSession session, CancellationToken cancellationToken = default)
    {
        var created = await inner.CreateAsync(session, cancellationToken).ConfigureAwait(false);
        Publish(GAgentEventNames.SessionCreated, created);
        return created;
    }

    public ValueTask<SessionInfo?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
        => inner.GetAsync(sessionId, cancellationToken);

    public ValueTask<SessionInfo> AppendAsync(string sessionId, IReadOnlyList<StoredMessage> messages, CancellationToken cancellationToken = default)
        => inner.AppendAsync(sessionId, messages, cancellationToken);

    public async ValueTask FlushAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await inner.FlushAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (await inner.GetAsync(sessionId, cancellationToken).ConfigureAwait(false) is { } session)
        {
            Publish(GAgentEventNames.SessionUpdated, session);
        }
    }

    public async ValueTask<SessionInfo> UpdateAsync(string sessionId, SessionPatch patch, CancellationToken cancellationToken = default)
    {
        var updated = await inner.UpdateAsync(sessionId, patch, cancellationToken).ConfigureAwait(false);
        Publish(GAgentEventNames.SessionUpdated, updated);
        return updated;
    }

    public async ValueTask<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var deleted = await inner.DeleteAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            bus.Publish(new GAgentNotification
            {
                Name = GAgentEventNames.SessionDeleted,
                Value = JsonSerializer.SerializeToElement(new SessionDeletedPayload(sessionId), RuntimeJsonContext.Default.SessionDeletedPayload),
                Timestamp = time.GetUtcNow(),
            });
        }

        return deleted;
    }

    public ValueTask<MessagePage> ReadMessagesAsync(string sessionId, MessageQuery query, CancellationToken cancellationToken = default)
        => inner.ReadMessagesAsync(sessionId, query, cancellationToken);

    /// <summary>Session changes go to every client, not only to those following the session: lists show all sessions.</summary>
    private void Publish(string name, SessionInfo session)
    {
        var payload = new SessionNotificationPayload(session.Id, session.Title, session.CreatedAt, session.UpdatedAt, session.Pinned, session.MessageCount, session.ProfileId, runs.GetActive(session.Id)?.Id);
        bus.Publish(new GAgentNotification
        {
            Name = name,
            Value = JsonSerializer.SerializeToElement(payload, RuntimeJsonContext.Default.SessionNotificationPayload),
            Timestamp = time.GetUtcNow(),
        });
    }
}
