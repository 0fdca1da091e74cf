namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Optional body of <c>POST /api/learning/{id}/approve|reject</c>: a note or reason, <c>apply</c> (approve only) and the expected <c>version</c>.</summary>
internal sealed class LearningDecisionRequest
{
    public string? Note { get; set; }

    public string? Reason { get; set; }

    public bool? Apply { get; set; }

    public long? Version { get; set; }
}
