using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GAgent.Runtime.Tests.Providers;

/// <summary>
/// A minimal OpenAI-compatible server on Kestrel (127.0.0.1, random port). It records every request body to
/// POST /v1/chat/completions and answers with the responses the test scripted, in order.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _responses = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private readonly ConcurrentQueue<Dictionary<string, string>> _headers = new();

    private FakeOpenAIServer(WebApplication app) => _app = app;

    /// <summary>The base URL to give the adapter (ends in /v1).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Completes when a scripted "hang" response has received its request.</summary>
    public TaskCompletionSource RequestHanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a hanging request was aborted by the client.</summary>
    public TaskCompletionSource RequestAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> RequestBodies => [.. _bodies];

    /// <summary>A copy of each request's headers (Kestrel reuses its header objects after the request ends).</summary>
    public IReadOnlyList<Dictionary<string, string>> RequestHeaders => [.. _headers];

    /// <summary>The single request received, parsed.</summary>
    public JsonElement LastRequest
    {
        get
        {
            var bodies = RequestBodies;
            Assert.NotEmpty(bodies);
            return JsonDocument.Parse(bodies[^1]).RootElement;
        }
    }

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>Answers the next request with a JSON body.</summary>
    public void EnqueueJson(string json, int status = 200) => _responses.Enqueue(async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    });

    /// <summary>Answers the next request with the OpenAI error envelope.</summary>
    public void EnqueueError(int status, string message, string type, string? code) => EnqueueJson(
        JsonSerializer.Serialize(new { error = new { message, type, param = (string?)null, code } }), status);

    /// <summary>Answers the next request with an SSE stream: one <c>data:</c> line per chunk, then <c>[DONE]</c>.</summary>
    public void EnqueueStream(params string[] chunks) => _responses.Enqueue(async context =>
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var chunk in chunks)
        {
            await context.Response.WriteAsync($"data: {chunk}\n\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    });

    /// <summary>Streams the given chunks, then keeps the response open until the client goes away.</summary>
    public void EnqueueStreamThenHang(params string[] chunks) => _responses.Enqueue(async context =>
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var chunk in chunks)
        {
            await context.Response.WriteAsync($"data: {chunk}\n\n");
            await context.Response.Body.FlushAsync();
        }

        await HangAsync(context);
    });

    /// <summary>Never answers; the request stays open until the client aborts it.</summary>
    public void EnqueueHang() => _responses.Enqueue(HangAsync);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HangAsync(HttpContext context)
    {
        RequestHanging.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            RequestAborted.TrySetResult();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        _bodies.Enqueue(await reader.ReadToEndAsync());
        _headers.Enqueue(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        if (_responses.TryDequeue(out var respond))
        {
            await respond(context);
            return;
        }

        context.Response.StatusCode = 500;
        await context.Response.WriteAsync("""{"error":{"message":"The test scripted no response for this request.","type":"server_error","code":null}}""");
    }
}
