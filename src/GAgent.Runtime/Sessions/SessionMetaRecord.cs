namespace GAgent.Sessions;

/// <summary>
/// The <c>{id}.meta.json</c> sidecar: everything listings need, plus the JSONL length it describes so a crash between
/// an append and the sidecar write is detectable on load.
/// </summary>
internal sealed class SessionMetaRecord
{
    public const int CurrentVersion = 1;

    public required int Version { get; init; }

    public required string Id { get; init; }

    public string? Title { get; init; }

    public bool Pinned { get; init; }

    public string? ProfileId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public long MessageCount { get; init; }

    /// <summary>Byte length of the JSONL file when these values were written.</summary>
    public long Length { get; init; }

    public static SessionMetaRecord From(SessionInfo info, long length) => new()
    {
        Version = CurrentVersion,
        Id = info.Id,
        Title = info.Title,
        Pinned = info.Pinned,
        ProfileId = info.ProfileId,
        CreatedAt = info.CreatedAt,
        UpdatedAt = info.UpdatedAt,
        MessageCount = info.MessageCount,
        Length = length,
    };

    public SessionInfo ToSessionInfo() => new()
    {
        Id = Id,
        Title = Title,
        Pinned = Pinned,
        ProfileId = ProfileId,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        MessageCount = MessageCount,
    };
}
