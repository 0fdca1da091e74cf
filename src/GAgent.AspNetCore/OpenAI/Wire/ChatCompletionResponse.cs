using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>A non-streamed chat completion (<c>object: "chat.completion"</c>).</summary>
internal sealed record ChatCompletionResponse(
    string Id,
    long Created,
    string Model,
    IReadOnlyList<ChatCompletionChoice> Choices,
    ChatCompletionUsage? Usage)
{
    [JsonPropertyOrder(-1)]
    public string Object { get; init; } = "chat.completion";

    public string? SystemFingerprint { get; init; }
}
