namespace GAgent.Approvals;

/// <summary>The approval does not exist.</summary>
public sealed class ApprovalNotFoundException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public ApprovalNotFoundException(string approvalId)
        : base($"Approval '{approvalId}' was not found. List approvals with GET /api/approvals.", "approval_not_found") => ApprovalId = approvalId;

    /// <summary>The id that was not found.</summary>
    public string ApprovalId { get; }
}
