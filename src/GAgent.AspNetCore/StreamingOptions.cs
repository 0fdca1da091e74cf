using System.ComponentModel.DataAnnotations;

namespace GAgent.AspNetCore;

/// <summary>Live event streams (<c>GAgent:Streaming</c>): SSE and the WebSocket.</summary>
public sealed class StreamingOptions
{
    /// <summary>
    /// How long an SSE stream may stay silent before a <c>: keepalive</c> comment is written, so proxies and load
    /// balancers do not cut a long tool call or a slow model. Default 10 seconds; zero turns keepalives off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);
}
