namespace GAgent.Learning;

/// <summary>A proposed memory entry, appended as one list item to a profile's memory when applied.</summary>
public sealed record MemoryProposal
{
    /// <summary>The profile whose memory receives the entry.</summary>
    public required string ProfileId { get; init; }

    /// <summary>The memory scope to write; null means the profile's own scope at the time of applying.</summary>
    public string? Scope { get; init; }

    /// <summary>The entry text (one short fact; line breaks become spaces when appended).</summary>
    public required string Entry { get; init; }
}
