using Microsoft.Extensions.Logging;

namespace GAgent.Channels;

/// <summary>Source-generated log messages of the channel manager (event ids 1500-1599). Message content only at Trace.</summary>
internal static partial class ChannelLog
{
    [LoggerMessage(1500, LogLevel.Information, "Channel {Channel} started.")]
    public static partial void Started(ILogger logger, string channel);

    [LoggerMessage(1501, LogLevel.Warning, "Channel {Channel} failed to start; restart {Attempt} in {Delay}.")]
    public static partial void StartFailed(ILogger logger, string channel, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(1502, LogLevel.Warning, "Channel {Channel} reported a fault; restart {Attempt} in {Delay}.")]
    public static partial void Faulted(ILogger logger, string channel, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(1503, LogLevel.Warning, "Channel {Channel} failed to stop cleanly.")]
    public static partial void StopFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(1504, LogLevel.Information, "Channel {Channel} is disabled by configuration and was not started.")]
    public static partial void Disabled(ILogger logger, string channel);

    [LoggerMessage(1505, LogLevel.Information, "Channel {Channel} refused a message from sender {SenderId}: not in AllowFrom.")]
    public static partial void SenderRefused(ILogger logger, string channel, string senderId);

    [LoggerMessage(1506, LogLevel.Information, "Channel {Channel} started run {RunId} in session {SessionId}.")]
    public static partial void Dispatched(ILogger logger, string channel, string runId, string sessionId);

    [LoggerMessage(1507, LogLevel.Warning, "Channel {Channel} could not deliver part {Part} of run {RunId}: {ErrorCode} {ErrorMessage}")]
    public static partial void DeliveryFailed(ILogger logger, string channel, string runId, int part, string errorCode, string? errorMessage);

    [LoggerMessage(1508, LogLevel.Error, "Channel {Channel} failed to deliver the reply of run {RunId}.")]
    public static partial void DeliveryCrashed(ILogger logger, string channel, string runId, Exception exception);

    [LoggerMessage(1509, LogLevel.Information, "Channel {Channel} refused a message: {Refusal}.")]
    public static partial void Refused(ILogger logger, string channel, string refusal);

    [LoggerMessage(1510, LogLevel.Trace, "Channel {Channel} inbound from {SenderId}: {Text}")]
    public static partial void Inbound(ILogger logger, string channel, string senderId, string text);
}
