using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GAgent.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A minimal OpenAI-compatible upstream on 127.0.0.1 that answers with a fixed text, streamed or whole as the request
/// asks, and records request bodies.
/// </summary>
public sealed class UpstreamOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UpstreamOpenAIServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public List<string> Requests { get; } = [];

    public static async Task<UpstreamOpenAIServer> StartAsync(string answer)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        UpstreamOpenAIServer? server = null;
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (server!.Requests)
            {
                server.Requests.Add(body);
            }

            using (var request = System.Text.Json.JsonDocument.Parse(body))
            {
                if (!request.RootElement.TryGetProperty("stream", out var stream) || stream.ValueKind != System.Text.Json.JsonValueKind.True)
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(
                        "{\"id\":\"up-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"upstream-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + System.Text.Json.JsonSerializer.Serialize(answer) + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10}}");
                    return;
                }
            }

            context.Response.ContentType = "text/event-stream";
            var words = answer.Split(' ');
            var frames = new StringBuilder();
            for (var i = 0; i < words.Length; i++)
            {
                var piece = (i == 0 ? string.Empty : " ") + words[i];
                frames.Append("data: {\"id\":\"up-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"upstream-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").Append(piece).Append("\"},\"finish_reason\":null}]}\n\n");
            }

            frames.Append("data: {\"id\":\"up-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"upstream-model\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            frames.Append("data: {\"id\":\"up-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"upstream-model\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10}}\n\n");
            frames.Append("data: [DONE]\n\n");
            await context.Response.WriteAsync(frames.ToString());
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new UpstreamOpenAIServer(app, new Uri(address + "/v1"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
