namespace GAgent.Routines;

/// <summary>A routine with the requested id already exists.</summary>
public sealed class RoutineAlreadyExistsException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public RoutineAlreadyExistsException(string routineId)
        : base($"A routine with id '{routineId}' already exists. Choose another id, or change it with PUT /api/routines/{routineId}.", "routine_exists") => RoutineId = routineId;

    /// <summary>The id that is taken.</summary>
    public string RoutineId { get; }
}
