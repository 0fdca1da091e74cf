namespace GAgent.Routines;

/// <summary>A schedule on the wire: <c>{"cron","timeZone"}</c> or <c>{"intervalSeconds"}</c>.</summary>
internal sealed record RoutineScheduleView(string? Cron, string? TimeZone, long? IntervalSeconds);
