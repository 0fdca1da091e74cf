namespace GAgent.Routines;

/// <summary>Body of the 202 answer of <c>POST /api/routines/{id}/run</c>.</summary>
internal sealed record RoutineRunStartedView(string RoutineId, string RunId, string SessionId, string Status);
