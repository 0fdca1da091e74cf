namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A stored message with its contents as typed parts.</summary>
internal sealed record MessageResponse(
    string Id,
    long Index,
    string Role,
    DateTimeOffset Timestamp,
    string Text,
    IReadOnlyList<MessagePart> Parts,
    string? RunId,
    string? ModelId,
    UsageResponse? Usage,
    string? AuthorName);
