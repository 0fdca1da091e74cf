namespace GAgent.Approvals;

/// <summary>A standing grant as the REST API returns it.</summary>
internal sealed record GrantView(string Id, string ToolName, string Scope, string? SessionId, string? ProfileId, string? ApprovalId, DateTimeOffset CreatedAt)
{
    public static GrantView From(ApprovalGrant grant)
        => new(grant.Id, grant.ToolName, ApprovalView.Name(grant.Scope), grant.SessionId, grant.ProfileId, grant.ApprovalId, grant.CreatedAt);
}
