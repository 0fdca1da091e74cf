namespace GAgent.Approvals;

/// <summary>The approval is no longer pending: it was approved, denied or expired before, and a decision is made only once.</summary>
public sealed class ApprovalAlreadyDecidedException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public ApprovalAlreadyDecidedException(ApprovalRecord current)
        : base($"Approval '{current?.Id}' is already {current?.Status.ToString().ToLowerInvariant()}; a decision is made only once.", "approval_already_decided")
        => Current = current ?? throw new ArgumentNullException(nameof(current));

    /// <summary>The approval as it stands.</summary>
    public ApprovalRecord Current { get; }
}
