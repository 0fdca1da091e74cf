namespace GAgent.Configuration;

/// <summary>What to do with a message for a session that already has an active run.</summary>
public enum ConcurrentRunPolicy
{
    /// <summary>Refuse it (HTTP 409 with the active run's id).</summary>
    Reject,

    /// <summary>Queue it: the new run starts when the active one ends.</summary>
    Queue,
}
