using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore;

/// <summary>HTTP options of GAgent, bound from the configuration section <c>GAgent</c> and validated at start.</summary>
public sealed class GAgentServerOptions
{
    /// <summary>
    /// API keys clients send as <c>Authorization: Bearer &lt;key&gt;</c> (or <c>X-Api-Key</c>). With none configured,
    /// only loopback clients are served (local-first).
    /// </summary>
    [ValidateEnumeratedItems]
    public IList<ApiKeyOptions> ApiKeys { get; } = [];

    /// <summary>
    /// True when the host protects the endpoints with its own ASP.NET Core authentication/authorization (for example
    /// <c>MapGAgentEndpoints().RequireAuthorization()</c>); GAgent then skips its own key and loopback checks.
    /// </summary>
    public bool UseHostAuthorization { get; set; }

    /// <summary>Per-client request rate limit.</summary>
    [ValidateObjectMembers]
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Request size limits.</summary>
    [ValidateObjectMembers]
    public HttpLimitsOptions Limits { get; set; } = new();

    /// <summary>Media uploads: caps and signed URL lifetime.</summary>
    [ValidateObjectMembers]
    public MediaOptions Media { get; set; } = new();

    /// <summary>What the OpenAI-compatible API does with remote <c>image_url</c>s; data URLs are always accepted.</summary>
    public RemoteImagePolicy RemoteImages { get; set; } = RemoteImagePolicy.PassThrough;

    /// <summary>What happens to a run when the client streaming it disconnects.</summary>
    public DisconnectOptions Disconnect { get; set; } = new();

    /// <summary>Live event streams: SSE keepalives.</summary>
    [ValidateObjectMembers]
    public StreamingOptions Streaming { get; set; } = new();

    /// <summary>The WebSocket channel and its tokens.</summary>
    [ValidateObjectMembers]
    public WebSocketChannelOptions WebSocket { get; set; } = new();

    /// <summary>The web control room mapped by <c>MapGAgentEndpoints()</c>.</summary>
    [ValidateObjectMembers]
    public WebUIOptions WebUI { get; set; } = new();
}
