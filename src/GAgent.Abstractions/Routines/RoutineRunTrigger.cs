namespace GAgent.Routines;

/// <summary>Why a routine ran.</summary>
public enum RoutineRunTrigger
{
    /// <summary>Its schedule came due.</summary>
    Schedule,
    /// <summary>An occurrence missed while the host was down, run once when it started again.</summary>
    CatchUp,
    /// <summary>Someone asked for a run now (<c>POST /api/routines/{id}/run</c>).</summary>
    Manual,
}
