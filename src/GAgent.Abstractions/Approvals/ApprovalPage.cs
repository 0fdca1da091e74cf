namespace GAgent.Approvals;

/// <summary>One page of approvals, newest first.</summary>
public sealed record ApprovalPage
{
    /// <summary>The approvals of this page.</summary>
    public required IReadOnlyList<ApprovalRecord> Items { get; init; }

    /// <summary>Pass as <see cref="ApprovalQuery.After"/> for the next page; null on the last page.</summary>
    public string? NextAfter { get; init; }
}
