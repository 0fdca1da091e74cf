using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>A flat function tool of the Responses API (<c>{"type":"function","name",...}</c>), as declared and as echoed back.</summary>
internal sealed class ResponseFunctionTool
{
    public string? Type { get; set; }

    public string? Name { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; set; }

    public JsonElement? Parameters { get; set; }

    public bool? Strict { get; set; }
}
