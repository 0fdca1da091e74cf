namespace GAgent.Sessions;

/// <summary>
/// Sessions' metadata kept in list order (<see cref="SessionSortKey"/>), so a page costs O(log n + limit) instead of a
/// sort of every session. The stores update it on every change to a session's metadata; all members are thread-safe.
/// </summary>
internal sealed class SessionIndex
{
    private readonly SortedSet<SessionSortKey> _order = [];
    private readonly Dictionary<string, SessionInfo> _byId = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>Adds the session or replaces what is known about it, moving it to its new place in the order.</summary>
    public void Set(SessionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var key = SessionSortKey.Of(info);
        lock (_sync)
        {
            if (_byId.TryGetValue(info.Id, out var previous))
            {
                _order.Remove(SessionSortKey.Of(previous));
            }

            _byId[info.Id] = info;
            _order.Add(key);
        }
    }

    public void Remove(string sessionId)
    {
        lock (_sync)
        {
            if (_byId.Remove(sessionId, out var previous))
            {
                _order.Remove(SessionSortKey.Of(previous));
            }
        }
    }

    /// <summary>
    /// Walks the sessions in list order, starting after <paramref name="after"/> (from the start when null), and
    /// collects up to <paramref name="count"/> that <paramref name="match"/> accepts.
    /// </summary>
    public List<SessionInfo> Collect(SessionSortKey? after, int count, Func<SessionInfo, bool> match)
    {
        var items = new List<SessionInfo>(Math.Min(count, 256));
        lock (_sync)
        {
            if (_order.Count == 0)
            {
                return items;
            }

            IEnumerable<SessionSortKey> keys = _order;
            if (after is { } start)
            {
                var last = _order.Max;
                if (start.CompareTo(last) >= 0)
                {
                    return items;
                }

                // The view starts at the cursor's key itself when that session still has it; it was on the previous page.
                keys = _order.GetViewBetween(start, last);
            }

            foreach (var key in keys)
            {
                if (after is { } skip && key.CompareTo(skip) <= 0)
                {
                    continue;
                }

                var info = _byId[key.Id];
                if (match(info))
                {
                    items.Add(info);
                    if (items.Count == count)
                    {
                        break;
                    }
                }
            }
        }

        return items;
    }
}
