namespace GAgent.Routines;

/// <summary>The listing order every routine store uses: oldest first, then by id.</summary>
internal static class RoutineOrder
{
    public static List<Routine> Sort(IEnumerable<Routine> routines)
        => [.. routines.OrderBy(static r => r.CreatedAt).ThenBy(static r => r.Id, StringComparer.Ordinal)];
}
