using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>Source-generated JSON of the OpenAI-compatible surface (snake_case, as the spec names fields).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(ChatCompletionResponse))]
[JsonSerializable(typeof(ModelListResponse))]
[JsonSerializable(typeof(ModelResponse))]
[JsonSerializable(typeof(OpenAIErrorResponse))]
internal sealed partial class OpenAIJsonContext : JsonSerializerContext;
