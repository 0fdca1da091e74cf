namespace GAgent.Routines;

/// <summary>No routine has the id.</summary>
public sealed class RoutineNotFoundException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public RoutineNotFoundException(string routineId)
        : base($"Routine '{routineId}' was not found. List routines with GET /api/routines.", "routine_not_found") => RoutineId = routineId;

    /// <summary>The id that was not found.</summary>
    public string RoutineId { get; }
}
