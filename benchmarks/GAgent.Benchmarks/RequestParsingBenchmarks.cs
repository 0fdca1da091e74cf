using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GAgent.AspNetCore;
using GAgent.AspNetCore.OpenAI;
using GAgent.AspNetCore.OpenAI.Wire;

namespace GAgent.Benchmarks;

/// <summary>Parsing and mapping a chat completions request that carries a long history (as Open WebUI sends it).</summary>
[MemoryDiagnoser]
public class RequestParsingBenchmarks
{
    private readonly GAgentServerOptions _options = new();
    private byte[] _body = null!;

    [Params(200)]
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

    [Benchmark(Description = "parse + map a 200-message history")]
    public int ParseAndMap()
    {
        var request = JsonSerializer.Deserialize(_body, OpenAIJson.Context.ChatCompletionRequest)!;
        var (mapped, _) = ChatCompletionRequestMapper.Map(request, _options);
        return mapped!.Messages.Count;
    }
}
