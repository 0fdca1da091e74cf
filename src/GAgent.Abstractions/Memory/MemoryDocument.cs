namespace GAgent.Memory;

/// <summary>The Markdown memory of one scope.</summary>
public sealed record MemoryDocument
{
    /// <summary>The scope (usually a profile id).</summary>
    public required string Scope { get; init; }

    /// <summary>The Markdown text; empty when nothing is remembered yet.</summary>
    public required string Content { get; init; }

    /// <summary>When the memory last changed; null when it was never written.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
