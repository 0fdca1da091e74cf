using BenchmarkDotNet.Attributes;
using GAgent.AspNetCore.OpenAI;
using GAgent.LoadTest;
using GAgent.Runs;
using GAgent.AspNetCore.Streaming;
using GAgent.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Benchmarks;

/// <summary>
/// A whole run without HTTP: the agent loop over a zero-latency model, its journal, and the OpenAI chunk projection
/// written as SSE to a response body that only counts bytes, or the aggregation of a non-streamed reply (asked for whole, as a non-streamed OpenAI request does).
/// Per-token figures of the streamed run are this divided by <see cref="Tokens"/>.
/// </summary>
[MemoryDiagnoser]
public class RunPipelineBenchmarks
{
    private ServiceProvider _services = null!;
    private IAgentRunner _runner = null!;

    [Params(200)]
    public int Tokens { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddGAgentRuntime(o => o.Runs.MaxActiveRuns = 10_000)
            .UseInMemorySessionStore()
            .AddChatClient("zero", new ZeroLatencyChatClient(Tokens, 4))
            .Services.BuildServiceProvider();
        _runner = _services.GetRequiredService<IAgentRunner>();
    }

    [Benchmark(Description = "ephemeral run, streamed as chat chunks over SSE")]
    public async Task<long> StreamedRun()
    {
        var run = await _runner.StartAsync(new AgentRunRequest { Messages = [new ChatMessage(ChatRole.User, "go")], ModelId = "zero" }).ConfigureAwait(false);
        using var stream = new ChatCompletionStream(run, "chatcmpl-bench", 1, "zero", includeUsage: true);
        var body = new CountingStream();
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Response.Body = body;
        await new SseStreamResult<AgentEvent>(stream).ExecuteAsync(context).ConfigureAwait(false);
        return body.Length;
    }

    [Benchmark(Description = "ephemeral run, collected as one chat completion")]
    public async Task<int> CollectedRun()
    {
        var run = await _runner.StartAsync(new AgentRunRequest { Messages = [new ChatMessage(ChatRole.User, "go")], ModelId = "zero", Delivery = RunEventDelivery.MergedDeltas, WholeModelReplies = true }).ConfigureAwait(false);
        var (response, _) = await ChatCompletionAggregator.CollectAsync(run, "chatcmpl-bench", 1, "zero", CancellationToken.None).ConfigureAwait(false);
        return response!.Choices.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();
}
