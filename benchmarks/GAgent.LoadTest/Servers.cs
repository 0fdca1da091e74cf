using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GAgent.LoadTest;

/// <summary>Starts the two servers under test in this process: GAgent over the zero-latency model, and the bare baseline.</summary>
internal static class Servers
{
    public const string ModelId = "load";

    public static async Task<WebApplication> StartGAgentAsync(LoadOptions options, string dataDirectory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["GAgent:Runs:MaxActiveRuns"] = "100000";
        builder.Configuration["GAgent:RateLimit:RequestsPerMinute"] = "0";
        builder.Services.AddGAgent(o => o.DataDirectory = dataDirectory)
            .AddChatClient(ModelId, new ZeroLatencyChatClient(options.Tokens, options.TokenSize))
            .UseInMemorySessionStore();
        var app = builder.Build();
        app.MapGAgentEndpoints();
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }

    /// <summary>
    /// The physical limit: Kestrel writing the very bytes GAgent wrote for the same request, one flush per SSE event
    /// as GAgent does, with no agent, no journal and no serialization.
    /// </summary>
    public static async Task<WebApplication> StartBaselineAsync(CapturedResponses captured)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            var streaming = body.GetBuffer().AsSpan(0, (int)body.Length).IndexOf("\"stream\":true"u8) >= 0;
            if (!streaming)
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.Body.WriteAsync(captured.Json, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var frame in captured.Frames)
            {
                await context.Response.Body.WriteAsync(frame, context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        });
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }

    public static Uri Address(WebApplication app)
        => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
