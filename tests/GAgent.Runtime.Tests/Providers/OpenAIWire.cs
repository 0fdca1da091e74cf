using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Runtime.Tests.Providers;

/// <summary>Builds OpenAI chat completion wire JSON for the fake server to send.</summary>
internal static class OpenAIWire
{
    public const string CompletionId = "chatcmpl-test123";
    public const string Model = "gpt-test";
    public const long Created = 1_700_000_000;

    // Real providers omit absent fields; the SDK's readers are tested against that shape.
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Completion(
        string? content = "Hello!",
        string finishReason = "stop",
        object[]? toolCalls = null,
        string? refusal = null,
        object? usage = null) => JsonSerializer.Serialize(new
        {
            id = CompletionId,
            @object = "chat.completion",
            created = Created,
            model = Model,
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new { role = "assistant", content, refusal, tool_calls = toolCalls },
                    finish_reason = finishReason,
                },
            },
            usage = usage ?? Usage(),
        }, Options);

    public static object Usage(int prompt = 11, int completion = 7, int? cached = null, int? reasoning = null) => new
    {
        prompt_tokens = prompt,
        completion_tokens = completion,
        total_tokens = prompt + completion,
        prompt_tokens_details = cached is null ? null : new { cached_tokens = cached },
        completion_tokens_details = reasoning is null ? null : new { reasoning_tokens = reasoning },
    };

    public static object ToolCall(string id, string name, string arguments) =>
        new { id, type = "function", function = new { name, arguments } };

    public static string Chunk(object delta, string? finishReason = null) => JsonSerializer.Serialize(new
    {
        id = CompletionId,
        @object = "chat.completion.chunk",
        created = Created,
        model = Model,
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    }, Options);

    public static string TextChunk(string text) => Chunk(new { content = text });

    public static string RoleChunk() => Chunk(new { role = "assistant", content = "" });

    public static string FinishChunk(string finishReason) => Chunk(new { }, finishReason);

    public static string ToolCallChunk(int index, string? id, string? name, string arguments) => Chunk(new
    {
        tool_calls = new[]
        {
            new
            {
                index,
                id,
                type = id is null ? null : "function",
                function = new { name, arguments },
            },
        },
    });

    public static string UsageChunk(int prompt = 20, int completion = 5) => JsonSerializer.Serialize(new
    {
        id = CompletionId,
        @object = "chat.completion.chunk",
        created = Created,
        model = Model,
        choices = Array.Empty<object>(),
        usage = Usage(prompt, completion),
    }, Options);
}
