namespace GAgent.Approvals;

/// <summary>A change of a pending approval's state, applied by <see cref="IApprovalStore.DecideAsync"/> exactly once.</summary>
public sealed record ApprovalDecision
{
    /// <summary>The new status: <see cref="ApprovalStatus.Approved"/>, <see cref="ApprovalStatus.Denied"/> or <see cref="ApprovalStatus.Expired"/>.</summary>
    public required ApprovalStatus Status { get; init; }

    /// <summary>The scope of an approval; null otherwise.</summary>
    public ApprovalScope? Scope { get; init; }

    /// <summary>Why the call was denied or the approval expired.</summary>
    public string? Reason { get; init; }

    /// <summary>When the decision was made.</summary>
    public required DateTimeOffset DecidedAt { get; init; }
}
