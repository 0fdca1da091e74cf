using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>One model (<c>object: "model"</c>).</summary>
internal sealed record ModelResponse(string Id, long Created, string OwnedBy)
{
    [JsonPropertyOrder(-1)]
    public string Object { get; init; } = "model";
}
