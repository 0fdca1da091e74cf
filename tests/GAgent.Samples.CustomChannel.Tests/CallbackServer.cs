using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GAgent.Samples.CustomChannel.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 that plays the webhook's callback receiver, answering with scripted status codes.</summary>
internal sealed class CallbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly Channel<CallbackRequest> _received = Channel.CreateUnbounded<CallbackRequest>();

    private CallbackServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<CallbackServer> StartAsync(params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new CallbackServer(app);
        foreach (var status in statuses)
        {
            server._statuses.Enqueue(status);
        }

        app.MapPost("/replies", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var status = server._statuses.TryDequeue(out var next) ? next : 200;
            await server._received.Writer.WriteAsync(
                new CallbackRequest(body, http.Request.Headers["X-Webhook-Timestamp"].ToString(), http.Request.Headers["X-Webhook-Signature"].ToString(), status),
                http.RequestAborted);
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(new Uri(address), "/replies");
        return server;
    }

    /// <summary>The next request the callback received.</summary>
    public async Task<CallbackRequest> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        return await _received.Reader.ReadAsync(cts.Token);
    }

    /// <summary>True when no further request arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> StaysQuietAsync(TimeSpan wait)
    {
        await Task.Delay(wait);
        return !_received.Reader.TryPeek(out _);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
