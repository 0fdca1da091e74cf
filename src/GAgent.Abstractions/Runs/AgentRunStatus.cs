namespace GAgent.Runs;

/// <summary>Lifecycle state of a run.</summary>
public enum AgentRunStatus
{
    /// <summary>Waiting for the session's previous run to end.</summary>
    Queued,
    /// <summary>The agent is working.</summary>
    Running,
    /// <summary>The agent produced its final answer, or returned calls of client-declared tools for the client to run.</summary>
    Completed,
    /// <summary>The run paused for input it cannot produce itself (an approval).</summary>
    Interrupted,
    /// <summary>The run failed; see <see cref="IAgentRun.ErrorMessage"/>.</summary>
    Failed,
    /// <summary>The run was stopped.</summary>
    Cancelled,
}
