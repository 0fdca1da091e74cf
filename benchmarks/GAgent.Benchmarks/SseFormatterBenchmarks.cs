using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using GAgent.AspNetCore.OpenAI;

namespace GAgent.Benchmarks;

/// <summary>The framework's SSE formatter writing chat chunks to a stream that accepts everything, per event.</summary>
[MemoryDiagnoser]
public class SseFormatterBenchmarks
{
    private const int Events = 200;
    private ChatCompletionStream _chat = null!;

    [GlobalSetup]
    public void Setup() => _chat = new ChatCompletionStream(run: null!, "chatcmpl-bench", 1, "zero", includeUsage: false);

    [Benchmark(OperationsPerInvoke = Events, Description = "SseFormatter + chunk JSON, per event")]
    public Task Format() => SseFormatter.WriteAsync(Items(), Stream.Null, _chat.Format, CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup() => _chat.Dispose();

    private static async IAsyncEnumerable<SseItem<ChatChunk>> Items([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        for (var i = 0; i < Events; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new SseItem<ChatChunk>(new ChatChunk(ChatChunkKind.Content, Text: "xxx "));
        }
    }
}
