using System.Net;
using System.Security.Cryptography;
using System.Text;
using GAgent.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Security;

/// <summary>
/// Local-first access: with no API key configured only loopback clients are served; with keys, a request must carry
/// one (<c>Authorization: Bearer</c> or <c>X-Api-Key</c>) whose scopes cover the endpoint. Keys are compared as SHA-256
/// digests in constant time, so neither content nor length leaks through timing.
/// </summary>
internal sealed class GAgentAccessPolicy
{
    private readonly List<(byte[] Digest, HashSet<string> Scopes)> _keys;
    private static readonly HashSet<string> AllScopes = new([GAgentScopes.Chat, GAgentScopes.Admin], StringComparer.Ordinal);
    private readonly bool _hostAuthorization;

    public GAgentAccessPolicy(IOptions<GAgentServerOptions> options)
    {
        var value = options.Value;
        _hostAuthorization = value.UseHostAuthorization;
        _keys = [.. value.ApiKeys.Select(static k => (Digest(k.Key), k.Scopes.Count == 0 ? new HashSet<string>([GAgentScopes.Chat, GAgentScopes.Admin], StringComparer.Ordinal) : new HashSet<string>(k.Scopes, StringComparer.Ordinal)))];
    }

    public string Describe() => _hostAuthorization ? "host-authorization" : _keys.Count == 0 ? "loopback-only" : "api-keys";

    /// <summary>Null when the request may proceed; otherwise the error to answer with.</summary>
    public ErrorInfo? Check(HttpContext context, string scope)
    {
        var (scopes, error) = Authenticate(context);
        if (error is not null)
        {
            return error;
        }

        return scopes!.Contains(scope)
            ? null
            : new ErrorInfo(403, $"This API key lacks the '{scope}' scope needed here. Add it to the key's GAgent:ApiKeys:N:Scopes.", "insufficient_scope");
    }

    /// <summary>
    /// The scopes the request holds (every scope with host authorization or for a loopback client without keys), or
    /// the error to answer with when it holds none.
    /// </summary>
    public (IReadOnlySet<string>? Scopes, ErrorInfo? Error) Authenticate(HttpContext context)
    {
        if (_hostAuthorization)
        {
            return (AllScopes, null);
        }

        if (_keys.Count == 0)
        {
            return IsLoopback(context.Connection.RemoteIpAddress)
                ? (AllScopes, null)
                : (null, new ErrorInfo(403, "GAgent serves only loopback clients until an API key is configured. Set GAgent:ApiKeys:0:Key (at least 32 characters, e.g. from `openssl rand -hex 32`) and send it as 'Authorization: Bearer <key>', or protect the endpoints with the host's own authorization (GAgent:UseHostAuthorization=true).", "local_only"));
        }

        var presented = PresentedKey(context.Request);
        if (presented is null)
        {
            return (null, new ErrorInfo(401, "An API key is required: send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.", "missing_api_key"));
        }

        var digest = Digest(presented);
        HashSet<string>? scopes = null;
        foreach (var (keyDigest, keyScopes) in _keys)
        {
            // Compare against every key, without an early exit, so timing does not reveal which one matched.
            if (CryptographicOperations.FixedTimeEquals(digest, keyDigest))
            {
                scopes = keyScopes;
            }
        }

        return scopes is null
            ? (null, new ErrorInfo(401, "The API key is not valid. Check the key you send in 'Authorization: Bearer <key>'.", "invalid_api_key"))
            : (scopes, null);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var apiKey = request.Headers["X-Api-Key"].ToString();
        return apiKey.Length > 0 ? apiKey : null;
    }

    private static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
