namespace GAgent.Sessions;

/// <summary>
/// A page request for <see cref="ISessionStore.ReadMessagesAsync"/>. Pages go from the newest messages backwards:
/// the first page is the tail, each next page the messages before it.
/// </summary>
public sealed record MessageQuery
{
    /// <summary>The largest page size a store serves.</summary>
    public const int MaxLimit = 500;

    /// <summary>How many messages, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Read messages whose index (0-based position in the session) is below this; null reads the tail.</summary>
    public long? Before { get; init; }
}
