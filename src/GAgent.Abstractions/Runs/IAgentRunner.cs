namespace GAgent.Runs;

/// <summary>Starts runs and finds them again. The default implementation is the agent loop over <c>IChatClient</c>.</summary>
public interface IAgentRunner
{
    /// <summary>
    /// Validates the request, registers the run and starts it in the background. Returns as soon as the run is
    /// registered; observe it through the returned handle.
    /// </summary>
    /// <exception cref="Sessions.SessionNotFoundException">The session does not exist.</exception>
    /// <exception cref="SessionBusyException">The session already has an active run and the policy is to reject.</exception>
    /// <exception cref="Models.ModelNotFoundException">The requested model is not configured.</exception>
    /// <exception cref="ArgumentException">The request is invalid (for example no input messages).</exception>
    ValueTask<IAgentRun> StartAsync(AgentRunRequest request, CancellationToken cancellationToken = default);

    /// <summary>Finds an active or recently finished run.</summary>
    IAgentRun? GetRun(string runId);

    /// <summary>Finds the session's active (queued or running) run, if any.</summary>
    IAgentRun? GetActiveRun(string sessionId);
}
