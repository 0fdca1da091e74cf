using Microsoft.Extensions.AI;

namespace GAgent.Sessions;

/// <summary>The JSONL wire shape of one <see cref="StoredMessage"/>; the public record stays free of serializer attributes.</summary>
internal sealed class StoredMessageRecord
{
    public required string Id { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required string Role { get; init; }

    public required IList<AIContent> Contents { get; init; }

    public string? RunId { get; init; }

    public string? ModelId { get; init; }

    public UsageDetails? Usage { get; init; }

    public string? AuthorName { get; init; }

    public static StoredMessageRecord From(StoredMessage message) => new()
    {
        Id = message.Id,
        Timestamp = message.Timestamp,
        Role = message.Role.Value,
        Contents = message.Contents as IList<AIContent> ?? [.. message.Contents],
        RunId = message.RunId,
        ModelId = message.ModelId,
        Usage = message.Usage,
        AuthorName = message.AuthorName,
    };

    /// <summary>False when a line parsed but lacks what a message needs (a hand-edited or damaged file).</summary>
    public bool IsWellFormed => !string.IsNullOrEmpty(Id) && !string.IsNullOrWhiteSpace(Role) && Contents is not null;

    public StoredMessage ToStoredMessage() => new()
    {
        Id = Id,
        Timestamp = Timestamp,
        Role = new ChatRole(Role),
        Contents = Contents as IReadOnlyList<AIContent> ?? [.. Contents],
        RunId = RunId,
        ModelId = ModelId,
        Usage = Usage,
        AuthorName = AuthorName,
    };
}
