using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GAgent.AspNetCore;
using GAgent.AspNetCore.OpenAI;
using GAgent.AspNetCore.OpenAI.Wire;

namespace GAgent.Benchmarks;

/// <summary>Parsing and mapping a chat completions request: one user message, and a long history (as Open WebUI sends it).</summary>
[MemoryDiagnoser]
public class RequestParsingBenchmarks
{
    private readonly GAgentServerOptions _options = new();
    private byte[] _body = null!;

    [Params(1, 200)]
    public int Messages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var json = new StringBuilder("""{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"system","content":"You are helpful."}""");
        for (var i = 0; i < Messages; i++)
        {
            json.Append(i % 2 == 0 ? """,{"role":"user","content":"Tell me about item number """ : """,{"role":"assistant","content":"Item number """)
                .Append(i).Append(" is a fine item with a moderately long description attached to it.\"}");
        }

        _body = Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }

    [Benchmark(Description = "parse with the serializer")]
    public int ParseWithSerializer() => JsonSerializer.Deserialize(_body, OpenAIJson.Context.ChatCompletionRequest)!.Messages!.Count;

    [Benchmark(Description = "parse with the request reader")]
    public int ParseWithReader() => ChatCompletionRequestReader.TryRead(new ReadOnlySequence<byte>(_body), 64)!.Messages!.Count;

    [Benchmark(Description = "parse (reader) + map")]
    public int ParseAndMap()
    {
        var request = ChatCompletionRequestReader.TryRead(new ReadOnlySequence<byte>(_body), 64)!;
        var (mapped, _) = ChatCompletionRequestMapper.Map(request, _options);
        return mapped!.Messages.Count;
    }
}
