using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GAgent.Events;

namespace GAgent.AspNetCore.Api;

/// <summary>Publishes global (non-session) state changes of the control API on the event bus as <c>gagent.*</c> notifications.</summary>
internal static class StateNotifications
{
    public static void Publish<T>(IGAgentEventBus bus, TimeProvider time, string name, T payload, JsonTypeInfo<T> typeInfo) => bus.Publish(new GAgentNotification
    {
        Name = name,
        Value = JsonSerializer.SerializeToElement(payload, typeInfo),
        Timestamp = time.GetUtcNow(),
    });
}
