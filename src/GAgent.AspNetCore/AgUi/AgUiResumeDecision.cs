using GAgent.Approvals;

namespace GAgent.AspNetCore.AgUi;

/// <summary>One validated AG-UI resume entry: the approval it decides and how.</summary>
internal sealed record AgUiResumeDecision(string ApprovalId, bool Approve, ApprovalScope Scope, string? Reason);
