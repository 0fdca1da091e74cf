using Microsoft.Extensions.Logging;

namespace GAgent.Samples.CustomChannel;

/// <summary>Source-generated log messages of the webhook channel (event ids 1590-1599). Never logs the secret or message text.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(1590, LogLevel.Warning, "Webhook request refused: {Reason}.")]
    public static partial void InboundRefused(ILogger logger, string reason);

    [LoggerMessage(1591, LogLevel.Information, "Callback attempt {Attempt} failed with {Status}; retrying in {Delay}.")]
    public static partial void RetryingStatus(ILogger logger, int attempt, int status, TimeSpan delay);

    [LoggerMessage(1592, LogLevel.Information, "Callback attempt {Attempt} failed; retrying in {Delay}.")]
    public static partial void RetryingError(ILogger logger, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(1593, LogLevel.Warning, "Callback refused the reply with {Status}; not retrying.")]
    public static partial void Rejected(ILogger logger, int status);
}
