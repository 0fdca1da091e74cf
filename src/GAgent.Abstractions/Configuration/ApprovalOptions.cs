namespace GAgent.Configuration;

/// <summary>Which server tools need the owner's approval before they run (<c>GAgent:Approvals</c>).</summary>
public sealed class ApprovalOptions
{
    /// <summary>
    /// Names of tools that need approval, in addition to tools registered as <c>ApprovalRequiredAIFunction</c>.
    /// <c>"*"</c> means every server tool.
    /// </summary>
    public IList<string> RequireApproval { get; } = [];
}
