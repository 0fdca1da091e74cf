namespace GAgent.Events;

/// <summary>A handler's registration on <see cref="GAgentEventBus"/>; removes it once, however often it is disposed.</summary>
internal sealed class GAgentEventBusSubscription(GAgentEventBus bus, Action<GAgentNotification> handler) : IDisposable
{
    private GAgentEventBus? _bus = bus;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _bus, null) is { } owner)
        {
            owner.Update(handlers =>
            {
                var index = Array.IndexOf(handlers, handler);
                return index < 0 ? handlers : [.. handlers[..index], .. handlers[(index + 1)..]];
            });
        }
    }
}
