using System.Text.Json;
using GAgent.Events;

namespace GAgent.Routines;

/// <summary>Publishes the <c>gagent.routine.*</c> notifications.</summary>
internal sealed class RoutineEvents(IGAgentEventBus bus, TimeProvider time)
{
    public void Updated(Routine routine)
        => Publish(GAgentEventNames.RoutineUpdated, JsonSerializer.SerializeToElement(RoutineViews.ToView(routine), RoutineJsonContext.Default.RoutineView));

    public void Deleted(string routineId)
        => Publish(GAgentEventNames.RoutineDeleted, JsonSerializer.SerializeToElement(new RoutineDeletedView(routineId), RoutineJsonContext.Default.RoutineDeletedView));

    public void Run(string routineId, RoutineRun run)
        => Publish(GAgentEventNames.RoutineRun, JsonSerializer.SerializeToElement(RoutineViews.ToEvent(routineId, run), RoutineJsonContext.Default.RoutineRunEventView));

    private void Publish(string name, JsonElement value)
        => bus.Publish(new GAgentNotification { Name = name, Value = value, Timestamp = time.GetUtcNow() });
}
