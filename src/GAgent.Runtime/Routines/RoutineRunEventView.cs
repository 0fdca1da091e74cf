namespace GAgent.Routines;

/// <summary>Payload of <c>gagent.routine.run</c>.</summary>
internal sealed record RoutineRunEventView(string RoutineId, string? RunId, string? SessionId, string Trigger, DateTimeOffset? ScheduledFor, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status, string? Error);
