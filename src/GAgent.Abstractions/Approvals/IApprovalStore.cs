namespace GAgent.Approvals;

/// <summary>
/// Persists tool-call approvals and standing grants. Deciding is an atomic compare-and-set: a pending approval changes
/// exactly once, so of two concurrent decisions one wins and the other gets <see cref="ApprovalAlreadyDecidedException"/>.
/// </summary>
public interface IApprovalStore
{
    /// <summary>Stores a new approval.</summary>
    /// <exception cref="ArgumentException">The id is malformed or already used.</exception>
    ValueTask CreateAsync(ApprovalRecord approval, CancellationToken cancellationToken = default);

    /// <summary>The approval, or null when the id is unknown or malformed.</summary>
    ValueTask<ApprovalRecord?> GetAsync(string approvalId, CancellationToken cancellationToken = default);

    /// <summary>Approvals newest first, filtered and paged by <paramref name="query"/>.</summary>
    ValueTask<ApprovalPage> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default);

    /// <summary>Moves a pending approval to the decision's status, once.</summary>
    /// <returns>The decided approval.</returns>
    /// <exception cref="ApprovalNotFoundException">The id is unknown.</exception>
    /// <exception cref="ApprovalAlreadyDecidedException">The approval is not pending any more.</exception>
    ValueTask<ApprovalRecord> DecideAsync(string approvalId, ApprovalDecision decision, CancellationToken cancellationToken = default);

    /// <summary>Records the run that continued after the approval was decided.</summary>
    /// <returns>The updated approval, or null when the id is unknown.</returns>
    ValueTask<ApprovalRecord?> SetContinuationAsync(string approvalId, string runId, CancellationToken cancellationToken = default);

    /// <summary>Stores a standing grant.</summary>
    ValueTask AddGrantAsync(ApprovalGrant grant, CancellationToken cancellationToken = default);

    /// <summary>Every standing grant, newest first.</summary>
    ValueTask<IReadOnlyList<ApprovalGrant>> ListGrantsAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes a grant; false when the id is unknown or malformed.</summary>
    ValueTask<bool> RemoveGrantAsync(string grantId, CancellationToken cancellationToken = default);
}
