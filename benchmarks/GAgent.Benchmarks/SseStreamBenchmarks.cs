using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GAgent.AspNetCore.OpenAI;
using GAgent.AspNetCore.OpenAI.Responses;
using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.AspNetCore.Streaming;
using GAgent.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Benchmarks;

/// <summary>
/// A finished run's events streamed to a response body, per token: the journal's batches through each surface's
/// projection, the SSE framing and the writes to the connection's pipe, as a reader that has fallen behind a fast
/// model takes them. One HTTP response per invocation; the body only counts bytes.
/// </summary>
[MemoryDiagnoser]
public class SseStreamBenchmarks
{
    private const int Tokens = 200;
    private readonly RecordedRun _run = new(Tokens, "xxx ");
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private ResponseObject _template = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var auto = JsonDocument.Parse("\"auto\"");
        _template = new ResponseObject { Id = "resp_0198f3a2c4b07c1e9f0a1b2c3d4e5f60", CreatedAt = 1_795_000_000, Model = "gpt-4o-mini", ToolChoice = auto.RootElement.Clone() };
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "chat.completion.chunk stream, per token")]
    public async Task<long> Chat()
    {
        var (context, body) = Context();
        using var stream = new ChatCompletionStream(_run, "chatcmpl-0198f3a2c4b07c1e9f0a1b2c3d4e5f60", 1_795_000_000, "gpt-4o-mini", includeUsage: true);
        await new SseStreamResult<AgentEvent>(stream).ExecuteAsync(context).ConfigureAwait(false);
        return body.Length;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Responses stream, per token")]
    public async Task<long> Responses()
    {
        var (context, body) = Context();
        using var stream = new ResponseStream(new ActiveResponse(_run, _template, []), -1, TimeProvider.System);
        await new SseStreamResult<AgentEvent>(stream).ExecuteAsync(context).ConfigureAwait(false);
        return body.Length;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "native (AG-UI) event stream, per token")]
    public async Task<long> Native()
    {
        var (context, body) = Context();
        using var stream = new NativeEventStream(_run, 0);
        await new SseStreamResult<AgentEvent>(stream).ExecuteAsync(context).ConfigureAwait(false);

        return body.Length;
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    private (DefaultHttpContext Context, CountingStream Body) Context()
    {
        var body = new CountingStream();
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Response.Body = body;
        return (context, body);
    }
}
