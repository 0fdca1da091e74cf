using System.Text.Json;

namespace GAgent.AspNetCore.AgUi.Wire;

/// <summary>A client tool: the model may call it, the client runs it.</summary>
internal sealed class AgUiTool
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>JSON schema of the arguments.</summary>
    public JsonElement? Parameters { get; set; }
}
