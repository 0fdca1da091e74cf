using GAgent.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace GAgent.Approvals;

/// <summary>The built-in policy: tools registered as <see cref="ApprovalRequiredAIFunction"/>, and tools named in <c>GAgent:Approvals:RequireApproval</c> (<c>"*"</c> for all).</summary>
internal sealed class ConfiguredToolApprovalPolicy(IOptionsMonitor<GAgentOptions> options) : IToolApprovalPolicy
{
    public const string AllTools = "*";

    public ValueTask<bool> RequiresApprovalAsync(ToolApprovalRequest request, CancellationToken cancellationToken)
    {
        if (request.Tool is ApprovalRequiredAIFunction || request.Tool.GetService<ApprovalRequiredAIFunction>() is not null)
        {
            return ValueTask.FromResult(true);
        }

        var listed = options.CurrentValue.Approvals.RequireApproval;
        return ValueTask.FromResult(listed.Contains(AllTools, StringComparer.Ordinal) || listed.Contains(request.Tool.Name, StringComparer.Ordinal));
    }
}
