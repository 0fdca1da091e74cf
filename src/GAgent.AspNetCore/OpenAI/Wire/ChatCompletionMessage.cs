namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>One message of a chat completions request; <see cref="Content"/> is a string, an array of parts, or null.</summary>
internal sealed class ChatCompletionMessage
{
    public string? Role { get; set; }

    public ChatMessageContent? Content { get; set; }

    public string? Name { get; set; }

    public List<ChatToolCall?>? ToolCalls { get; set; }

    public string? ToolCallId { get; set; }
}
