namespace GAgent.Learning;

/// <summary>A page request for <see cref="ILearningStore.ListAsync"/>: newest first, optionally filtered.</summary>
public sealed record LearningQuery
{
    /// <summary>The largest page size a store serves.</summary>
    public const int MaxLimit = 200;

    /// <summary>Only candidates in this state; null for all.</summary>
    public LearningCandidateStatus? Status { get; init; }

    /// <summary>Only candidates of this kind; null for all.</summary>
    public LearningCandidateKind? Kind { get; init; }

    /// <summary>Page size, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>The id of the last candidate of the previous page (<see cref="LearningPage.NextAfter"/>); null for the first page.</summary>
    public string? After { get; init; }
}
