using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Security;

/// <summary>
/// Short-lived, single-use tokens for clients that cannot send an API key header (a browser opening a WebSocket).
/// Only SHA-256 digests are kept, so a memory dump does not reveal usable tokens; redeeming removes the token, so it
/// works once. A token carries the scopes of the request that issued it.
/// </summary>
internal sealed class AccessTokenStore(IOptionsMonitor<GAgentServerOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset ExpiresAt, IReadOnlySet<string> Scopes)> _tokens = new(StringComparer.Ordinal);

    public (string Token, DateTimeOffset ExpiresAt) Issue(IReadOnlySet<string> scopes)
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _tokens)
        {
            if (entry.ExpiresAt <= now)
            {
                _tokens.TryRemove(key, out _);
            }
        }

        var token = "gat_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var expiresAt = now + options.CurrentValue.WebSocket.TokenLifetime;
        _tokens[Digest(token)] = (expiresAt, scopes);
        return (token, expiresAt);
    }

    /// <summary>The token's scopes, or null when it is unknown, expired or already used.</summary>
    public IReadOnlySet<string>? Redeem(string token)
        => _tokens.TryRemove(Digest(token), out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.Scopes : null;

    private static string Digest(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
