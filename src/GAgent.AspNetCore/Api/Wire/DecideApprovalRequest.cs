namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Body of <c>POST /api/approvals/{id}/approve</c> (<c>scope</c>) and <c>/deny</c> (<c>reason</c>); both optional.</summary>
internal sealed class DecideApprovalRequest
{
    /// <summary><c>once</c> (default), <c>session</c> or <c>always</c>.</summary>
    public string? Scope { get; set; }

    /// <summary>Why the call is denied; the model reads it.</summary>
    public string? Reason { get; set; }
}
