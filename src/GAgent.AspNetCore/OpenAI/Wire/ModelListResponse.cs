using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary><c>GET /v1/models</c> (ListModelsResponse).</summary>
internal sealed record ModelListResponse(IReadOnlyList<ModelResponse> Data)
{
    [JsonPropertyOrder(-1)]
    public string Object { get; init; } = "list";
}
