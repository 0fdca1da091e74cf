using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>Body of <c>POST /v1/responses</c> (CreateResponse). Polymorphic fields stay JSON until mapped.</summary>
internal sealed class CreateResponseRequest
{
    public string? Model { get; set; }

    public JsonElement? Input { get; set; }

    public string? Instructions { get; set; }

    public string? PreviousResponseId { get; set; }

    public bool? Store { get; set; }

    public bool? Stream { get; set; }

    public bool? Background { get; set; }

    public List<ResponseFunctionTool?>? Tools { get; set; }

    public JsonElement? ToolChoice { get; set; }

    public bool? ParallelToolCalls { get; set; }

    public Dictionary<string, string>? Metadata { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public int? MaxOutputTokens { get; set; }

    public string? User { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
