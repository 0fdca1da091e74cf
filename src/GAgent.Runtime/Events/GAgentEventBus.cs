using GAgent.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GAgent.Events;

/// <summary>
/// The default <see cref="IGAgentEventBus"/>: a copy-on-write handler array, so publishing takes no lock and a
/// handler may subscribe or unsubscribe while a notification is being delivered.
/// </summary>
internal sealed class GAgentEventBus(ILogger<GAgentEventBus>? logger = null) : IGAgentEventBus
{
    private readonly ILogger _logger = logger ?? NullLogger<GAgentEventBus>.Instance;
    private Action<GAgentNotification>[] _handlers = [];

    public void Publish(GAgentNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            try
            {
                handler(notification);
            }
#pragma warning disable CA1031 // One failing subscriber must not keep the change from the others or fail the publisher.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                RuntimeLog.NotificationHandlerFailed(_logger, notification.Name, ex);
            }
        }
    }

    public IDisposable Subscribe(Action<GAgentNotification> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Update(handlers => [.. handlers, handler]);
        return new GAgentEventBusSubscription(this, handler);
    }

    internal void Update(Func<Action<GAgentNotification>[], Action<GAgentNotification>[]> change)
    {
        while (true)
        {
            var current = Volatile.Read(ref _handlers);
            if (Interlocked.CompareExchange(ref _handlers, change(current), current) == current)
            {
                return;
            }
        }
    }
}
