namespace GAgent.Runs;

/// <summary>Lifecycle state of a run.</summary>
public enum AgentRunStatus
{
    /// <summary>Waiting for the session's previous run to end.</summary>
    Queued,
    /// <summary>The agent is working.</summary>
    Running,
    /// <summary>The agent produced its final answer.</summary>
    Completed,
    /// <summary>The run paused for input it cannot produce itself (client tool results, approvals).</summary>
    Interrupted,
    /// <summary>The run failed; see <see cref="IAgentRun.ErrorMessage"/>.</summary>
    Failed,
    /// <summary>The run was stopped.</summary>
    Cancelled,
}
