namespace GAgent.Channels;

/// <summary>Why a delivery failed.</summary>
public enum DeliveryErrorCode
{
    /// <summary>A temporary problem (network, server error); a later attempt may succeed.</summary>
    Transient,

    /// <summary>The destination rejected the message; retrying will not help.</summary>
    Permanent,

    /// <summary>The destination throttled the sender; see <see cref="DeliveryResult.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The message is larger than the destination accepts.</summary>
    TooLarge,

    /// <summary>The channel's credentials were refused.</summary>
    Unauthorized,
}
