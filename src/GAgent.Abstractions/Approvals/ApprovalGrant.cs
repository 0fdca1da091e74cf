namespace GAgent.Approvals;

/// <summary>
/// A standing permission to call a tool without asking, created by an approval with scope
/// <see cref="ApprovalScope.Session"/> or <see cref="ApprovalScope.Always"/>. Revoking it makes the tool ask again.
/// </summary>
public sealed record ApprovalGrant
{
    /// <summary>The grant id, <c>grt_</c> and 32 hex characters (see <see cref="ApprovalIds"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The tool the grant allows.</summary>
    public required string ToolName { get; init; }

    /// <summary><see cref="ApprovalScope.Session"/> (only in <see cref="SessionId"/>) or <see cref="ApprovalScope.Always"/>.</summary>
    public required ApprovalScope Scope { get; init; }

    /// <summary>The session a session grant applies to.</summary>
    public string? SessionId { get; init; }

    /// <summary>The profile an always grant is limited to; null means every session.</summary>
    public string? ProfileId { get; init; }

    /// <summary>The approval that created the grant.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>When the grant was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>True when the grant lets <paramref name="toolName"/> run in <paramref name="sessionId"/> (of profile <paramref name="profileId"/>).</summary>
    public bool Covers(string toolName, string sessionId, string? profileId)
        => string.Equals(ToolName, toolName, StringComparison.Ordinal) && Scope switch
        {
            ApprovalScope.Session => string.Equals(SessionId, sessionId, StringComparison.Ordinal),
            ApprovalScope.Always => ProfileId is null || string.Equals(ProfileId, profileId, StringComparison.Ordinal),
            _ => false,
        };
}
