using System.Text.Json;

namespace GAgent.AspNetCore.AgUi.Wire;

/// <summary>An AG-UI message: user, assistant (with tool calls), system, developer or tool.</summary>
internal sealed class AgUiMessage
{
    public string? Id { get; set; }

    public string? Role { get; set; }

    /// <summary>A string, or for user messages an array of <c>text</c> and <c>binary</c> parts.</summary>
    public JsonElement? Content { get; set; }

    public string? Name { get; set; }

    public List<AgUiToolCall?>? ToolCalls { get; set; }

    public string? ToolCallId { get; set; }

    /// <summary>A tool message's error, used as its result when set.</summary>
    public string? Error { get; set; }
}
