namespace GAgent.Sessions;

/// <summary>Filtering, ordering and keyset paging of session metadata, shared by the stores so they list identically.</summary>
internal static class SessionListing
{
    /// <exception cref="ArgumentException">The limit is out of range or the cursor is malformed.</exception>
    public static void Validate(SessionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > SessionQuery.MaxLimit)
        {
            throw new ArgumentException($"Limit must be between 1 and {SessionQuery.MaxLimit}; it was {query.Limit}.", nameof(query));
        }

        if (query.Cursor is not null)
        {
            _ = SessionCursor.Decode(query.Cursor, nameof(query));
        }
    }

    /// <summary>Returns the page of <paramref name="sessions"/> that <paramref name="query"/> asks for (validate first).</summary>
    public static SessionPage Page(IEnumerable<SessionInfo> sessions, SessionQuery query)
    {
        var after = query.Cursor is null ? (SessionSortKey?)null : SessionCursor.Decode(query.Cursor, nameof(query));
        var search = string.IsNullOrEmpty(query.Search) ? null : query.Search;

        var candidates = new List<(SessionSortKey Key, SessionInfo Info)>();
        foreach (var info in sessions)
        {
            var key = SessionSortKey.Of(info);
            if ((after is null || key.CompareTo(after.Value) > 0) && Matches(info, search))
            {
                candidates.Add((key, info));
            }
        }

        candidates.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        var count = Math.Min(query.Limit, candidates.Count);
        var items = new SessionInfo[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = candidates[i].Info;
        }

        var next = candidates.Count > count ? SessionCursor.Encode(candidates[count - 1].Key) : null;
        return new SessionPage { Items = items, NextCursor = next };
    }

    private static bool Matches(SessionInfo info, string? search) =>
        search is null
        || info.Id.Contains(search, StringComparison.OrdinalIgnoreCase)
        || (info.Title?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
}
