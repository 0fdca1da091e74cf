using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.OpenAI.Wire;

namespace GAgent.Benchmarks;

/// <summary>
/// The per-request JSON of a non-streamed chat completion: parsing the request body and writing the answer, each the
/// way the serializer does it by default and the way GAgent does it (one-pass span parse, the generated fast path).
/// </summary>
[MemoryDiagnoser]
public class WireJsonBenchmarks
{
    private static readonly byte[] Request = """{"model":"load","messages":[{"role":"system","content":"You are fast."},{"role":"user","content":"Say many words."}]}"""u8.ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _writer = null!;
    private ChatCompletionResponse _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = OpenAIJson.Context.Options.Encoder, SkipValidation = true });
        var text = string.Concat(Enumerable.Repeat("xxx ", 200));
        _response = new ChatCompletionResponse("chatcmpl-1", 1_700_000_000, "load", [new ChatCompletionChoice(0, new ChatCompletionResponseMessage(text, null), "stop")], new ChatCompletionUsage(12, 200, 212));
    }

    [Benchmark(Baseline = true, Description = "parse request, reader overload")]
    public int ParseWithReader()
    {
        var reader = new Utf8JsonReader(Request);
        return JsonSerializer.Deserialize(ref reader, OpenAIJson.Context.ChatCompletionRequest)!.Messages!.Count;
    }

    [Benchmark(Description = "parse request, span overload")]
    public int ParseSpan() => JsonSerializer.Deserialize(Request, OpenAIJson.Context.ChatCompletionRequest)!.Messages!.Count;

    [Benchmark(Description = "write completion, serializer")]
    public int WriteWithSerializer()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, _response, OpenAIJson.Context.ChatCompletionResponse);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "write completion, generated fast path")]
    public int WriteGenerated()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        GeneratedJson.Serialize(_writer, _response, OpenAIJson.Context.ChatCompletionResponse);
        _writer.Flush();
        return _buffer.WrittenCount;
    }
}
