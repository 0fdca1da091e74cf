using GAgent.Events;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Profiles;

/// <summary>Records every notification a host's event bus publishes.</summary>
internal sealed class NotificationRecorder : IDisposable
{
    private readonly List<GAgentNotification> _seen = [];
    private readonly IDisposable _subscription;

    public NotificationRecorder(IServiceProvider services)
        => _subscription = services.GetRequiredService<IGAgentEventBus>().Subscribe(n =>
        {
            lock (_seen)
            {
                _seen.Add(n);
            }
        });

    public IReadOnlyList<GAgentNotification> Named(string name)
    {
        lock (_seen)
        {
            return [.. _seen.Where(n => n.Name == name)];
        }
    }

    public void Dispose() => _subscription.Dispose();
}
