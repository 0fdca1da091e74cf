using System.Text.Json;
using GAgent.Events;

namespace GAgent.Memory;

/// <summary>Publishes <c>gagent.memory.updated</c>, whoever changed the memory (the API or the <c>remember</c> tool).</summary>
internal static class MemoryNotifications
{
    public static void PublishUpdated(IGAgentEventBus bus, TimeProvider time, string profileId, string scope) => bus.Publish(new GAgentNotification
    {
        Name = GAgentEventNames.MemoryUpdated,
        Value = JsonSerializer.SerializeToElement(new MemoryUpdatedPayload(profileId, scope), MemoryJsonContext.Default.MemoryUpdatedPayload),
        Timestamp = time.GetUtcNow(),
    });
}
