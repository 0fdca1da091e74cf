using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>Body of <c>POST /v1/chat/completions</c> (CreateChatCompletionRequest). Polymorphic fields stay JSON until mapped.</summary>
internal sealed class ChatCompletionRequest
{
    public string? Model { get; set; }

    public List<ChatCompletionMessage?>? Messages { get; set; }

    public bool? Stream { get; set; }

    public ChatStreamOptions? StreamOptions { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public float? PresencePenalty { get; set; }

    public float? FrequencyPenalty { get; set; }

    public int? MaxTokens { get; set; }

    public int? MaxCompletionTokens { get; set; }

    public JsonElement? Stop { get; set; }

    public long? Seed { get; set; }

    public int? N { get; set; }

    public List<ChatToolDefinition?>? Tools { get; set; }

    public JsonElement? ToolChoice { get; set; }

    public bool? ParallelToolCalls { get; set; }

    public string? User { get; set; }

    public Dictionary<string, string>? Metadata { get; set; }

    public ChatResponseFormat? ResponseFormat { get; set; }

    public List<string>? Modalities { get; set; }

    public JsonElement? Audio { get; set; }

    public bool? Logprobs { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
