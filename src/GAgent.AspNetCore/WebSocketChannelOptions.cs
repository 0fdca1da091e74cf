using System.ComponentModel.DataAnnotations;

namespace GAgent.AspNetCore;

/// <summary>The WebSocket at <c>/api/ws</c> and the tokens that open it (<c>GAgent:WebSocket</c>).</summary>
public sealed class WebSocketChannelOptions
{
    /// <summary>
    /// Origins (scheme://host[:port]) besides the app's own origin and loopback origins that may open the socket from
    /// a browser. Requests without an <c>Origin</c> header (non-browser clients) are not subject to this check.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>How long a token from <c>POST /api/tokens</c> stays valid; each token opens one socket, once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest client message in bytes; a bigger one is answered with an error and discarded.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Messages waiting to be sent to one socket. A client that falls this far behind is disconnected (close code
    /// 1008) so it never holds up the run or other sockets.
    /// </summary>
    [Range(1, 1_000_000)]
    public int SendQueueCapacity { get; set; } = 1024;

    /// <summary>A socket that sends no message for this long is closed (1001); clients send <c>ping</c> to stay open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most open sockets; further handshakes get 503.</summary>
    [Range(1, 1_000_000)]
    public int MaxConnections { get; set; } = 1000;

    /// <summary>Most sessions one socket may subscribe to.</summary>
    [Range(1, 10_000)]
    public int MaxSubscriptions { get; set; } = 64;
}
