using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using GAgent.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Security;

/// <summary>
/// The per-client token buckets behind <see cref="RateLimitOptions"/>. Built on System.Threading.RateLimiting directly,
/// so the host does not need to call <c>UseRateLimiter()</c>; hosts that want their own policies chain
/// <c>RequireRateLimiting()</c> on the endpoints instead.
/// </summary>
internal sealed class GAgentRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public GAgentRateLimiter(IOptions<GAgentServerOptions> options)
    {
        var limit = options.Value.RateLimit;
        if (limit.RequestsPerMinute == 0)
        {
            return;
        }

        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / limit.RequestsPerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => bucket));
    }

    /// <summary>Null when the request may proceed; otherwise the 429 to answer with.</summary>
    public ErrorInfo? TryAcquire(HttpContext context)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(PartitionKey(context));
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return new ErrorInfo(429, $"Too many requests from this client. Retry after {Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s, or raise GAgent:RateLimit:RequestsPerMinute.", "rate_limited", RetryAfter: retryAfter);
    }

    public void Dispose() => _limiter?.Dispose();

    /// <summary>The API key presented (as a digest prefix, never the secret) or else the client address.</summary>
    private static string PartitionKey(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var key = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : context.Request.Headers["X-Api-Key"].ToString();
        if (key.Length > 0)
        {
            return "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8);
        }

        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local");
    }
}
