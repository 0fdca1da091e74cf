namespace GAgent.Events;

/// <summary>
/// In-process fan-out of <see cref="GAgentNotification"/>s from the stores and services that change state to the
/// live surfaces (WebSocket, SSE). Publishing never blocks and never throws because of a subscriber.
/// </summary>
public interface IGAgentEventBus
{
    /// <summary>Delivers <paramref name="notification"/> to every current subscriber, synchronously and in order.</summary>
    void Publish(GAgentNotification notification);

    /// <summary>
    /// Calls <paramref name="handler"/> for every notification published until the returned handle is disposed.
    /// Handlers run on the publisher's thread: they must be quick and must not block (queue the work instead).
    /// </summary>
    IDisposable Subscribe(Action<GAgentNotification> handler);
}
