namespace GAgent.Sessions;

/// <summary>The session does not exist.</summary>
public sealed class SessionNotFoundException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public SessionNotFoundException(string sessionId)
        : base($"Session '{sessionId}' was not found. Create it first with POST /api/sessions, or list sessions with GET /api/sessions.", "session_not_found") => SessionId = sessionId;

    /// <summary>The id that was not found.</summary>
    public string SessionId { get; }
}
