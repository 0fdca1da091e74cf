namespace GAgent.Routines;

/// <summary>A routine's last run on the wire; status and trigger in snake_case.</summary>
internal sealed record RoutineRunView(string? RunId, string? SessionId, string Trigger, DateTimeOffset? ScheduledFor, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status, string? Error);
