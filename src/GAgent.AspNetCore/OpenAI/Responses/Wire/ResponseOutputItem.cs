using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>An output item: an assistant <c>message</c> (OutputMessage) or a <c>function_call</c> (FunctionToolCall) the client must run.</summary>
internal sealed class ResponseOutputItem
{
    public string Type { get; set; } = "message";

    public string Id { get; set; } = string.Empty;

    public string Status { get; set; } = ResponseStatuses.InProgress;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Role { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ResponseOutputContent>? Content { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CallId { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Arguments { get; set; }

    public ResponseOutputItem Copy() => new()
    {
        Type = Type,
        Id = Id,
        Status = Status,
        Role = Role,
        Content = Content?.Select(static c => c.Copy()).ToList(),
        CallId = CallId,
        Name = Name,
        Arguments = Arguments,
    };
}
