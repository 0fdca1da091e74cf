using GAgent.Approvals;

namespace GAgent.AspNetCore.WebSockets;

/// <summary>What a socket needs to decide approvals, and whether its key may (the <c>admin</c> scope).</summary>
internal sealed record WebSocketApprovals(ApprovalService Service, IApprovalStore Store, bool CanDecide);
