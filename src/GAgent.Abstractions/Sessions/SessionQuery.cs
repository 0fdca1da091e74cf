namespace GAgent.Sessions;

/// <summary>
/// A page request for <see cref="ISessionStore.ListAsync"/>. Sessions are ordered pinned first, then most recently
/// updated first, then by id; <see cref="Cursor"/> is the opaque <see cref="SessionPage.NextCursor"/> of the page before.
/// </summary>
public sealed record SessionQuery
{
    /// <summary>The largest page size a store serves.</summary>
    public const int MaxLimit = 200;

    /// <summary>Case-insensitive text matched against title and id; null or empty matches all.</summary>
    public string? Search { get; init; }

    /// <summary>Page size, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Where the previous page ended; null for the first page.</summary>
    public string? Cursor { get; init; }
}
