namespace GAgent.AspNetCore;

/// <summary>What happens to a run when the client that streams it goes away (<c>GAgent:Disconnect</c>).</summary>
public sealed class DisconnectOptions
{
    /// <summary>
    /// OpenAI-compatible requests: stop the run when the client disconnects (default true), as OpenAI does; false lets
    /// it finish and still be persisted.
    /// </summary>
    public bool CancelOpenAIRunOnDisconnect { get; set; } = true;

    /// <summary>
    /// Control API (<c>POST /api/sessions/{id}/messages</c>): stop the run when the client disconnects. Default false:
    /// the run finishes, is persisted, and the client can re-attach with <c>GET /api/runs/{id}/events</c>.
    /// </summary>
    public bool CancelApiRunOnDisconnect { get; set; }
}
