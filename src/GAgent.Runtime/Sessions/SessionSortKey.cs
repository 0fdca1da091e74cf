namespace GAgent.Sessions;

/// <summary>
/// A session's position in listings: pinned first, then most recently updated, then id descending. Sorting ascending by
/// this key yields list order; it is also what a keyset cursor encodes.
/// </summary>
internal readonly record struct SessionSortKey(bool Pinned, long UpdatedUtcTicks, string Id) : IComparable<SessionSortKey>
{
    public static SessionSortKey Of(SessionInfo info) => new(info.Pinned, info.UpdatedAt.UtcTicks, info.Id);

    public int CompareTo(SessionSortKey other)
    {
        var byPinned = other.Pinned.CompareTo(Pinned);
        if (byPinned != 0)
        {
            return byPinned;
        }

        var byTime = other.UpdatedUtcTicks.CompareTo(UpdatedUtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(other.Id, Id);
    }
}
