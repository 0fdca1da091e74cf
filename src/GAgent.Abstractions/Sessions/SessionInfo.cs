namespace GAgent.Sessions;

/// <summary>A session's metadata, as listings show it. Reading it never reads the session's messages.</summary>
public sealed record SessionInfo
{
    /// <summary>The session id (see <see cref="SessionIds"/> for the allowed characters).</summary>
    public required string Id { get; init; }

    /// <summary>Display title; null until set by the owner or derived from the first user message.</summary>
    public string? Title { get; init; }

    /// <summary>When the session was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a message was last appended or the metadata last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Pinned sessions list first.</summary>
    public bool Pinned { get; init; }

    /// <summary>How many messages the session holds.</summary>
    public long MessageCount { get; init; }

    /// <summary>The character profile (or model) the session talks to; null means the default.</summary>
    public string? ProfileId { get; init; }
}
