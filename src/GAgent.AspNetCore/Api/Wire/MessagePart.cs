using System.Text.Json;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>
/// One content part: <c>text</c>, <c>reasoning</c> (text), <c>tool_call</c> (toolCallId, name, arguments),
/// <c>tool_result</c> (toolCallId, result, isError), <c>image</c>/<c>file</c> (mediaType, url; mediaId and a signed url for uploaded attachments).
/// </summary>
internal sealed record MessagePart(string Type)
{
    public string? Text { get; init; }

    public string? ToolCallId { get; init; }

    public string? Name { get; init; }

    public JsonElement? Arguments { get; init; }

    public string? Result { get; init; }

    public bool? IsError { get; init; }

    public string? MediaType { get; init; }

    public string? Url { get; init; }

    public string? MediaId { get; init; }
}
