namespace GAgent.Learning;

/// <summary>One page of learning candidates, newest first.</summary>
public sealed record LearningPage
{
    /// <summary>The candidates of this page.</summary>
    public required IReadOnlyList<LearningCandidate> Items { get; init; }

    /// <summary>Pass as <see cref="LearningQuery.After"/> for the next page; null when this is the last page.</summary>
    public string? NextAfter { get; init; }
}
