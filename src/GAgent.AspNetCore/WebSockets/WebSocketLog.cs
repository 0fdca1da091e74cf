using Microsoft.Extensions.Logging;

namespace GAgent.AspNetCore.WebSockets;

/// <summary>Source-generated log messages of the WebSocket channel (event ids 1400-1499).</summary>
internal static partial class WebSocketLog
{
    [LoggerMessage(1400, LogLevel.Debug, "WebSocket {ConnectionId} opened.")]
    public static partial void Opened(ILogger logger, string connectionId);

    [LoggerMessage(1401, LogLevel.Debug, "WebSocket {ConnectionId} closed.")]
    public static partial void Closed(ILogger logger, string connectionId);

    [LoggerMessage(1402, LogLevel.Information, "WebSocket handshake refused with {Status}: {Code}.")]
    public static partial void Refused(ILogger logger, int status, string code);

    [LoggerMessage(1403, LogLevel.Warning, "WebSocket {ConnectionId} reads too slowly: its send queue of {Capacity} messages is full; disconnecting it.")]
    public static partial void SlowConsumer(ILogger logger, string connectionId, int capacity);

    [LoggerMessage(1404, LogLevel.Debug, "WebSocket {ConnectionId} closing: {Reason}.")]
    public static partial void Closing(ILogger logger, string connectionId, string reason);

    [LoggerMessage(1405, LogLevel.Warning, "WebSocket {ConnectionId}: handling a '{Type}' message failed unexpectedly.")]
    public static partial void HandlerFailed(ILogger logger, string connectionId, string type, Exception exception);
}
