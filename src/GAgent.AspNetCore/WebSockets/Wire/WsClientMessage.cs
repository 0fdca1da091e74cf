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

    /// <summary>Media ids (from <c>POST /api/media</c>) attached to a <c>message</c>.</summary>
    public IReadOnlyList<string>? Attachments { get; set; }
}
