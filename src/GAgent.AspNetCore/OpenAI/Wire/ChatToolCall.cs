namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>A tool call in an assistant message (request or response).</summary>
internal sealed class ChatToolCall
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public ChatFunctionCall? Function { get; set; }
}
