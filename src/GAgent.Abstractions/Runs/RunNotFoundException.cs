namespace GAgent.Runs;

/// <summary>No active or retained run has the id.</summary>
public sealed class RunNotFoundException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public RunNotFoundException(string runId)
        : base($"Run '{runId}' was not found. Finished runs are kept for GAgent:Runs:Retention, and at most GAgent:Runs:MaxRetainedRuns of them.", "run_not_found") => RunId = runId;

    /// <summary>The id that was not found.</summary>
    public string RunId { get; }
}
