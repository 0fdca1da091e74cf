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
    public static SessionPage Page(SessionIndex sessions, SessionQuery query)
    {
        var after = query.Cursor is null ? (SessionSortKey?)null : SessionCursor.Decode(query.Cursor, nameof(query));
        var search = string.IsNullOrEmpty(query.Search) ? null : query.Search;

        // One more than the page tells whether another page follows, without counting the rest.
        var found = sessions.Collect(after, query.Limit + 1, info => Matches(info, search));
        var count = Math.Min(query.Limit, found.Count);
        var next = found.Count > count ? SessionCursor.Encode(SessionSortKey.Of(found[count - 1])) : null;
        return new SessionPage { Items = found.GetRange(0, count), NextCursor = next };
    }

    private static bool Matches(SessionInfo info, string? search) =>
        search is null
        || info.Id.Contains(search, StringComparison.OrdinalIgnoreCase)
        || (info.Title?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
}
