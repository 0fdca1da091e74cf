namespace GAgent.AspNetCore.WebSockets.Wire;

/// <summary>A message from a WebSocket client; <see cref="Type"/> says which fields apply (see docs/protocol.md).</summary>
internal sealed class WsClientMessage
{
    public string? Type { get; set; }

    public string? ClientRequestId { get; set; }

    public string? SessionId { get; set; }

    public string? RunId { get; set; }

    public long? AfterSequence { get; set; }

    public string? Content { get; set; }

    public string? Model { get; set; }

    /// <summary>The approval an <c>approval</c> message decides.</summary>
    public string? Id { get; set; }

    /// <summary><c>approve</c> or <c>deny</c>.</summary>
    public string? Decision { get; set; }

    /// <summary><c>once</c> (default), <c>session</c> or <c>always</c>.</summary>
    public string? Scope { get; set; }

    /// <summary>Why a call is denied.</summary>
    public string? Reason { get; set; }
    /// <summary>Media ids (from <c>POST /api/media</c>) attached to a <c>message</c>.</summary>
    public IReadOnlyList<string>? Attachments { get; set; }
}
