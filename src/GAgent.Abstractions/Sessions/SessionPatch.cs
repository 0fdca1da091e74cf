namespace GAgent.Sessions;

/// <summary>A partial update of a session's metadata; null members are left unchanged.</summary>
public sealed record SessionPatch
{
    /// <summary>New title (an empty string clears it).</summary>
    public string? Title { get; init; }

    /// <summary>New pin state.</summary>
    public bool? Pinned { get; init; }

    /// <summary>New profile id (an empty string resets to the default).</summary>
    public string? ProfileId { get; init; }
}
