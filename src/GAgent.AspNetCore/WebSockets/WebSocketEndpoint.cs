using GAgent.AspNetCore.Http;
using GAgent.Channels;
using GAgent.AspNetCore.Security;
using GAgent.Events;
using GAgent.Media;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.WebSockets;

/// <summary>
/// <c>GET /api/ws</c>: checks the handshake (Origin, token or API key, connection cap) and answers a refusal with an
/// HTTP status before upgrading, never with a silent close. The endpoint runs the framework's WebSocket middleware
/// itself, so the host does not need <c>app.UseWebSockets()</c> (when it has it, the middleware steps aside).
/// </summary>
internal static class WebSocketEndpoint
{
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder root)
    {
        RequestDelegate? pipeline = null;
        RequestDelegate handler = context =>
        {
            pipeline ??= new WebSocketMiddleware(
                HandleAsync,
                Options.Create(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) }),
                context.RequestServices.GetRequiredService<ILoggerFactory>()).Invoke;
            return pipeline(context);
        };

        // GET for HTTP/1.1 upgrades, CONNECT for WebSockets over HTTP/2.
        return root.MapMethods("/api/ws", [HttpMethods.Get, HttpMethods.Connect], handler)
            .WithName("GAgentWebSocket")
            .WithDisplayName("GAgent WebSocket")
            .DisableRequestTimeout();
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<GAgentServerOptions>>().Value.WebSocket;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("GAgent.AspNetCore.WebSockets");
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, logger, new ErrorInfo(400, "This endpoint speaks WebSocket: connect with a WebSocket client (ws://host/api/ws?token=...). docs/protocol.md describes the protocol.", "websocket_required")).ConfigureAwait(false);
            return;
        }

        if (!OriginAllowed(context.Request, options.AllowedOrigins))
        {
            await RefuseAsync(context, logger, new ErrorInfo(403, $"The origin '{context.Request.Headers.Origin}' may not open this WebSocket. Add it to GAgent:WebSocket:AllowedOrigins.", "origin_not_allowed")).ConfigureAwait(false);
            return;
        }

        if (Authenticate(context) is { } denied)
        {
            await RefuseAsync(context, logger, denied).ConfigureAwait(false);
            return;
        }

        var channel = services.GetRequiredService<WebSocketChannel>();
        if (await WaitForChannelAsync(channel, services.GetRequiredService<ChannelManager>(), context.RequestAborted).ConfigureAwait(false) is { } unavailable)
        {
            await RefuseAsync(context, logger, unavailable).ConfigureAwait(false);
            return;
        }

        var connections = services.GetRequiredService<WebSocketConnections>();
        if (!connections.TryAdd(options.MaxConnections))
        {
            await RefuseAsync(context, logger, new ErrorInfo(503, $"The server already has its maximum of {options.MaxConnections} WebSocket connections (GAgent:WebSocket:MaxConnections). Retry later.", "too_many_connections", RetryAfter: TimeSpan.FromSeconds(5))).ConfigureAwait(false);
            return;
        }

        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            using var connection = new WebSocketConnection(
                socket,
                options,
                services.GetRequiredService<IAgentRunner>(),
                services.GetRequiredService<ISessionStore>(),
                services.GetRequiredService<SessionRunHub>(),
                services.GetRequiredService<IGAgentEventBus>(),
                services.GetRequiredService<IMediaStore>(),
                services.GetRequiredService<IOptions<GAgentServerOptions>>().Value.Limits.MaxContentParts,
                channel,
                SenderId(context),
                logger);
            connections.Attach(connection);
            try
            {
                await connection.RunAsync(services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping).ConfigureAwait(false);
            }
            finally
            {
                connections.Detach(connection);
            }
        }
        finally
        {
            connections.Remove();
        }
    }

    /// <summary>
    /// The channel's sender id, matched by <c>GAgent:Channels:websocket:AllowFrom</c>: the host's authenticated user
    /// name (with <c>UseHostAuthorization</c>), else <c>owner</c> (an API key, a token, or a loopback client).
    /// </summary>
    private static string SenderId(HttpContext context)
        => context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "owner";

    /// <summary>
    /// Refuses sockets while the channel is disabled or stopped. Right after the host starts, the channel manager may
    /// not have started the channel yet: wait for it briefly rather than refuse the first clients.
    /// </summary>
    private static async Task<ErrorInfo?> WaitForChannelAsync(WebSocketChannel channel, ChannelManager manager, CancellationToken cancellationToken)
    {
        var deadline = TimeSpan.FromSeconds(10);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = manager.GetStatus(WebSocketChannel.ChannelName);
            if (!status.Enabled)
            {
                return new ErrorInfo(503, "The websocket channel is disabled (GAgent:Channels:websocket:Enabled is false).", "channel_unavailable");
            }

            if (status.State == ChannelState.Running && channel.Context is not null)
            {
                return null;
            }

            if ((channel.Started.IsCompleted && status.State == ChannelState.Stopped) || waited.Elapsed > deadline)
            {
                return new ErrorInfo(503, $"The websocket channel is {status.State.ToString().ToLowerInvariant()}; retry shortly.", "channel_unavailable", RetryAfter: TimeSpan.FromSeconds(5));
            }

            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A single-use token in <c>?token=</c>, else GAgent's usual key or loopback check; the socket needs the <c>chat</c> scope.</summary>
    private static ErrorInfo? Authenticate(HttpContext context)
    {
        IReadOnlySet<string>? scopes;
        if (context.Request.Query["token"] is [{ Length: > 0 } token])
        {
            scopes = context.RequestServices.GetRequiredService<AccessTokenStore>().Redeem(token);
            if (scopes is null)
            {
                return new ErrorInfo(401, "The token is unknown, expired or already used: each token from POST /api/tokens opens one socket, once, within GAgent:WebSocket:TokenLifetime.", "invalid_token");
            }
        }
        else
        {
            var (granted, error) = context.RequestServices.GetRequiredService<GAgentAccessPolicy>().Authenticate(context);
            if (error is not null)
            {
                return error;
            }

            scopes = granted!;
        }

        return scopes.Contains(GAgentScopes.Chat)
            ? null
            : new ErrorInfo(403, "The WebSocket needs the 'chat' scope; this key (or the key that issued the token) lacks it.", "insufficient_scope");
    }

    /// <summary>
    /// Browsers always send <c>Origin</c> on a WebSocket handshake; other clients usually do not and are authenticated
    /// by their key. Allowed: the app's own origin, loopback origins, and <see cref="WebSocketChannelOptions.AllowedOrigins"/>.
    /// </summary>
    private static bool OriginAllowed(HttpRequest request, IList<string> allowed)
    {
        var header = request.Headers.Origin.ToString();
        if (header.Length == 0)
        {
            return true;
        }

        if (!Uri.TryCreate(header, UriKind.Absolute, out var origin))
        {
            return false;
        }

        if (origin.IsLoopback)
        {
            return true;
        }

        var defaultPort = string.Equals(request.Scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
        if (string.Equals(origin.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            && origin.Port == (request.Host.Port ?? defaultPort)
            && string.Equals(origin.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var entry in allowed)
        {
            if (Uri.TryCreate(entry, UriKind.Absolute, out var candidate)
                && string.Equals(candidate.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(candidate.Host, origin.Host, StringComparison.OrdinalIgnoreCase)
                && candidate.Port == origin.Port)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task RefuseAsync(HttpContext context, ILogger logger, ErrorInfo error)
    {
        WebSocketLog.Refused(logger, error.Status, error.Code);
        if (error.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        await ApiProblems.From(error, context).ExecuteAsync(context).ConfigureAwait(false);
    }
}
