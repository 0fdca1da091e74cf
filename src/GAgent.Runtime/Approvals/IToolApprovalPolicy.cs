namespace GAgent.Approvals;

/// <summary>
/// Decides whether a server tool call needs the owner's approval. Every registered policy is asked; one that says yes
/// is enough. Standing grants are applied afterwards, by the gate, not by policies. Profiles plug their rules in here.
/// </summary>
internal interface IToolApprovalPolicy
{
    ValueTask<bool> RequiresApprovalAsync(ToolApprovalRequest request, CancellationToken cancellationToken);
}
