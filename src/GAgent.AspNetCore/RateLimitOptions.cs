using System.ComponentModel.DataAnnotations;

namespace GAgent.AspNetCore;

/// <summary>
/// Per-client request rate limit (<c>GAgent:RateLimit</c>): each API key (or, without a key, each client address) gets
/// a token bucket. Requests over it get 429 with <c>Retry-After</c>. Health checks are not limited.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Sustained requests per minute per client; 0 turns the limit off.</summary>
    [Range(0, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Requests a client may make at once before the sustained rate applies.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 120;
}
