using System.ComponentModel.DataAnnotations;

namespace GAgent.Configuration;

/// <summary>The routine scheduler (<c>GAgent:Routines</c>).</summary>
public sealed class RoutineOptions
{
    /// <summary>False stops the scheduler from firing routines; they can still be edited and run by hand.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Occurrences missed while the host was down: <see cref="RoutineCatchUpPolicy.Once"/> runs one catch-up, <see cref="RoutineCatchUpPolicy.None"/> skips them.</summary>
    public RoutineCatchUpPolicy CatchUp { get; set; } = RoutineCatchUpPolicy.Once;

    /// <summary>Most scheduled routine runs active at once; an occurrence beyond it is recorded as skipped.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRoutineRuns { get; set; } = 4;
}
