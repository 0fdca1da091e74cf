namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary><c>response_format</c>: text, json_object or json_schema.</summary>
internal sealed class ChatResponseFormat
{
    public string? Type { get; set; }

    public ChatJsonSchema? JsonSchema { get; set; }
}
