using System.Text.Json;

namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>An <c>output_text</c> content part (OutputTextContent).</summary>
internal sealed class ResponseOutputContent
{
    public string Type { get; set; } = "output_text";

    public string Text { get; set; } = string.Empty;

    public List<JsonElement> Annotations { get; set; } = [];

    public List<JsonElement> Logprobs { get; set; } = [];

    public ResponseOutputContent Copy() => new() { Type = Type, Text = Text };
}
