namespace GAgent.Sessions;

/// <summary>A session with the requested id already exists.</summary>
public sealed class SessionAlreadyExistsException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public SessionAlreadyExistsException(string sessionId)
        : base($"Session '{sessionId}' already exists. Choose another id, or omit the id to have one generated.", "session_exists") => SessionId = sessionId;

    /// <summary>The id in use.</summary>
    public string SessionId { get; }
}
