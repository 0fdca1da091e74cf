namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>A tool the client declares (<c>{"type":"function","function":{...}}</c>).</summary>
internal sealed class ChatToolDefinition
{
    public string? Type { get; set; }

    public ChatFunctionDefinition? Function { get; set; }
}
