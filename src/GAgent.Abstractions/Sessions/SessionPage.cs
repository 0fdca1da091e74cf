namespace GAgent.Sessions;

/// <summary>One page of sessions.</summary>
public sealed record SessionPage
{
    /// <summary>The sessions of this page, in list order.</summary>
    public required IReadOnlyList<SessionInfo> Items { get; init; }

    /// <summary>Pass as <see cref="SessionQuery.Cursor"/> for the next page; null on the last page.</summary>
    public string? NextCursor { get; init; }
}
