using GAgent.Profiles;

namespace GAgent.Approvals;

/// <summary>A profile's own rule: the tools in its <see cref="AgentProfile.ToolsRequiringApproval"/> wait for the owner in its runs.</summary>
internal sealed class ProfileToolApprovalPolicy(IProfileStore profiles) : IToolApprovalPolicy
{
    public async ValueTask<bool> RequiresApprovalAsync(ToolApprovalRequest request, CancellationToken cancellationToken)
    {
        if (request.ProfileId is not { } profileId)
        {
            return false;
        }

        var profile = await profiles.GetAsync(profileId, cancellationToken).ConfigureAwait(false);
        return profile?.ToolsRequiringApproval.Contains(request.Tool.Name, StringComparer.Ordinal) == true;
    }
}
