namespace GAgent.Routines;

/// <summary>Payload of <c>gagent.routine.deleted</c>.</summary>
internal sealed record RoutineDeletedView(string Id);
