namespace GAgent.Channels;

/// <summary>The outcome of <see cref="IChannel.SendAsync"/>.</summary>
public sealed record DeliveryResult
{
    private static readonly DeliveryResult Delivered = new() { Succeeded = true };

    /// <summary>True when the message was delivered.</summary>
    public bool Succeeded { get; init; }

    /// <summary>The channel's id of the delivered message (for later edits), if it has one.</summary>
    public string? ChannelMessageId { get; init; }

    /// <summary>Why delivery failed; null on success.</summary>
    public DeliveryErrorCode? ErrorCode { get; init; }

    /// <summary>A description of the failure, safe to log (no secrets).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>How long the destination asked to wait before another attempt, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A successful delivery.</summary>
    public static DeliveryResult Success(string? channelMessageId = null)
        => channelMessageId is null ? Delivered : new() { Succeeded = true, ChannelMessageId = channelMessageId };

    /// <summary>A failed delivery.</summary>
    public static DeliveryResult Failure(DeliveryErrorCode code, string message, TimeSpan? retryAfter = null)
        => new() { Succeeded = false, ErrorCode = code, ErrorMessage = message, RetryAfter = retryAfter };
}
