namespace GAgent.Routines;

/// <summary>Body of <c>GET /api/routines</c>.</summary>
internal sealed record RoutineListView(IReadOnlyList<RoutineView> Items);
