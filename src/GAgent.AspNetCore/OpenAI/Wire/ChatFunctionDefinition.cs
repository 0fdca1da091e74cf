using System.Text.Json;

namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>Name, description and JSON schema of a client-declared function.</summary>
internal sealed class ChatFunctionDefinition
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public JsonElement? Parameters { get; set; }

    public bool? Strict { get; set; }
}
