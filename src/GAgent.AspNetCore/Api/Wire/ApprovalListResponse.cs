using GAgent.Approvals;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A page of approvals, newest first; pass <see cref="NextAfter"/> as <c>?after=</c> for the next one.</summary>
internal sealed record ApprovalListResponse(IReadOnlyList<ApprovalView> Items, string? NextAfter);
