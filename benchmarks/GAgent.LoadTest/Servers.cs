using System.Net.WebSockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GAgent.LoadTest;

/// <summary>Starts the two servers under test in this process: GAgent over the zero-latency model, and the bare baseline.</summary>
internal static class Servers
{
    public const string ModelId = "load";

    public static async Task<WebApplication> StartGAgentAsync(LoadOptions options, string dataDirectory, bool fileStore = false, int maxSockets = 10_000)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(static k => k.Limits.MaxConcurrentConnections = null);
        builder.Logging.ClearProviders();
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration["GAgent:Runs:MaxActiveRuns"] = "100000";
        builder.Configuration["GAgent:RateLimit:RequestsPerMinute"] = "0";
        builder.Configuration["GAgent:WebSocket:MaxConnections"] = maxSockets.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gagent = builder.Services.AddGAgent(o => o.DataDirectory = dataDirectory)
            .AddChatClient(ModelId, new ZeroLatencyChatClient(options.Tokens, options.TokenSize));
        if (!fileStore)
        {
            gagent.UseInMemorySessionStore();
        }

        var app = builder.Build();
        app.MapGAgentEndpoints();
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }

    /// <summary>
    /// The physical limit: Kestrel writing the very bytes GAgent wrote for the same request, with no agent, no journal
    /// and no serialization. Each SSE event is one write that also flushes, as a proxy forwarding a model's events
    /// does and as the framework's own SSE result does (<paramref name="wholeReply"/> sends the stream in one write
    /// instead); each WebSocket event is one message, as in GAgent.
    /// </summary>
    public static async Task<WebApplication> StartBaselineAsync(CapturedResponses captured, bool wholeReply = false)
    {
        IReadOnlyList<byte[]> Frames(IReadOnlyList<byte[]> frames) => wholeReply ? [[.. frames.SelectMany(static f => f)]] : frames;
        var chatFrames = Frames(captured.ChatFrames);
        var responseFrames = Frames(captured.ResponseFrames);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var streaming = (await ReadBodyAsync(context).ConfigureAwait(false)).AsSpan().IndexOf("\"stream\":true"u8) >= 0;
            if (!streaming)
            {
                // Sent whole with its length, as GAgent sends a non-streamed completion.
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.ContentLength = captured.ChatJson.Length;
                await context.Response.Body.WriteAsync(captured.ChatJson, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            await ReplayAsync(context, chatFrames).ConfigureAwait(false);
        });
        app.MapPost("/v1/responses", async (HttpContext context) =>
        {
            await ReadBodyAsync(context).ConfigureAwait(false);
            await ReplayAsync(context, responseFrames).ConfigureAwait(false);
        });
        app.MapPost("/api/sessions", static () => Results.StatusCode(StatusCodes.Status201Created));
        app.Map("/api/ws", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            var buffer = new byte[16 * 1024];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                if (received.EndOfMessage)
                {
                    foreach (var message in captured.SocketMessages)
                    {
                        await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                    }
                }
            }
        });
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }

    public static Uri Address(WebApplication app)
        => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        return body.ToArray();
    }

    private static async Task ReplayAsync(HttpContext context, IReadOnlyList<byte[]> frames)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        foreach (var frame in frames)
        {
            // The least a server can do per event: one write that also flushes.
            await context.Response.BodyWriter.WriteAsync(frame, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
