namespace GAgent.Sessions;

/// <summary>One session of the <see cref="InMemorySessionStore"/>; every access locks <see cref="Sync"/>.</summary>
internal sealed class InMemorySession(SessionInfo info)
{
    public Lock Sync { get; } = new();

    public List<StoredMessage> Messages { get; } = [];

    public SessionInfo Info { get; set; } = info;

    /// <summary>Set when the session is deleted, so a caller still holding this object does not write to a dead session.</summary>
    public bool Deleted { get; set; }
}
