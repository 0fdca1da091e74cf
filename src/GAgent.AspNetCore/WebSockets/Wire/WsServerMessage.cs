namespace GAgent.AspNetCore.WebSockets.Wire;

/// <summary>A protocol message from the server (<c>hello</c>, <c>ack</c>, <c>error</c>, <c>pong</c>); run events are written separately.</summary>
internal sealed record WsServerMessage(string Type)
{
    public string? ClientRequestId { get; init; }

    public string? SessionId { get; init; }

    public string? RunId { get; init; }

    public string? ActiveRunId { get; init; }

    public string? Status { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }

    public string? Protocol { get; init; }

    public string? ConnectionId { get; init; }

    public int? MaxMessageBytes { get; init; }

    public double? IdleTimeoutSeconds { get; init; }

    /// <summary>The text of a <c>channel_message</c>.</summary>
    public string? Text { get; init; }

    /// <summary>False while more parts of a <c>channel_message</c> follow.</summary>
    public bool? IsFinal { get; init; }
}
