namespace GAgent.Configuration;

/// <summary>What the routine scheduler does with occurrences missed while the host was down.</summary>
public enum RoutineCatchUpPolicy
{
    /// <summary>Skip them; the routine runs at its next occurrence.</summary>
    None,
    /// <summary>Run the routine once for all of them (never a burst), then continue with the schedule.</summary>
    Once,
}
