namespace GAgent.Sessions;

/// <summary>Validates a <see cref="MessageQuery"/> and turns it into the index range it asks for.</summary>
internal static class MessagePaging
{
    /// <exception cref="ArgumentException">The limit is out of range.</exception>
    public static void ValidateLimit(MessageQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MessageQuery.MaxLimit)
        {
            throw new ArgumentException($"Limit must be between 1 and {MessageQuery.MaxLimit}; it was {query.Limit}.", nameof(query));
        }
    }

    /// <summary>The half-open index range [Start, End) of the page for a session holding <paramref name="count"/> messages.</summary>
    /// <exception cref="ArgumentException">Before is negative or beyond the message count.</exception>
    public static (long Start, long End) Range(MessageQuery query, long count)
    {
        var end = query.Before ?? count;
        if (end < 0 || end > count)
        {
            throw new ArgumentException($"Before must be between 0 and the message count ({count}); it was {end}.", nameof(query));
        }

        return (Math.Max(0, end - query.Limit), end);
    }
}
