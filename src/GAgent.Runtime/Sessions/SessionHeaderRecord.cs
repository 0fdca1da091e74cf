namespace GAgent.Sessions;

/// <summary>The first line of a session's JSONL file; enough to recover the session when its sidecar is lost.</summary>
internal sealed class SessionHeaderRecord
{
    /// <summary>Identifies the file kind, so a stray JSONL file is not mistaken for a session.</summary>
    public const string FormatName = "gagent.session";

    public const int CurrentVersion = 1;

    public required string Format { get; init; }

    public required int Version { get; init; }

    public required string Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
