namespace GAgent.Runs;

/// <summary>The session already has an active run; only one run per session runs at a time.</summary>
public sealed class SessionBusyException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public SessionBusyException(string sessionId, string activeRunId)
        : base($"Session '{sessionId}' already has an active run ('{activeRunId}'). Wait for it to finish, stop it with POST /api/runs/{activeRunId}/stop, or enable queuing (GAgent:Runs:ConcurrentRunPolicy = Queue).", "session_busy")
    {
        SessionId = sessionId;
        ActiveRunId = activeRunId;
    }

    /// <summary>The busy session.</summary>
    public string SessionId { get; }

    /// <summary>The run that is active in it.</summary>
    public string ActiveRunId { get; }
}
