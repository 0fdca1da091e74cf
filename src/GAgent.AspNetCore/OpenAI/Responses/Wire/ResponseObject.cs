using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>The <c>response</c> object, with every field the spec marks required written even when null.</summary>
internal sealed class ResponseObject
{
    public string Id { get; set; } = string.Empty;

    public string Object { get; set; } = "response";

    public long CreatedAt { get; set; }

    public string Status { get; set; } = ResponseStatuses.InProgress;

    public long? CompletedAt { get; set; }

    public ResponseErrorBody? Error { get; set; }

    public ResponseIncompleteDetails? IncompleteDetails { get; set; }

    public string? Instructions { get; set; }

    public int? MaxOutputTokens { get; set; }

    public string Model { get; set; } = string.Empty;

    public List<ResponseOutputItem> Output { get; set; } = [];

    public bool ParallelToolCalls { get; set; } = true;

    public string? PreviousResponseId { get; set; }

    public bool Store { get; set; } = true;

    public float? Temperature { get; set; }

    public JsonElement ToolChoice { get; set; }

    public List<ResponseFunctionTool> Tools { get; set; } = [];

    public float? TopP { get; set; }

    public string Truncation { get; set; } = "disabled";

    public ResponseUsage? Usage { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? User { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>A copy whose output items can no longer change with this one.</summary>
    public ResponseObject Snapshot()
    {
        var copy = (ResponseObject)MemberwiseClone();
        copy.Output = [.. Output.Select(static i => i.Copy())];
        return copy;
    }
}
