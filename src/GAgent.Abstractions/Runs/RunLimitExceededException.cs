namespace GAgent.Runs;

/// <summary>The gateway already runs its maximum number of concurrent runs.</summary>
public sealed class RunLimitExceededException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public RunLimitExceededException(int maxActiveRuns)
        : base($"The gateway is running its maximum of {maxActiveRuns} concurrent runs. Retry shortly, or raise GAgent:Runs:MaxActiveRuns.", "too_many_runs") => MaxActiveRuns = maxActiveRuns;

    /// <summary>The configured limit.</summary>
    public int MaxActiveRuns { get; }
}
