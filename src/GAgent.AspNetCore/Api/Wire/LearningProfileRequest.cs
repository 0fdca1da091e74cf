using GAgent.Profiles;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>The <c>profile</c> proposal of a learning request: the profile and the members to change (a <see cref="ProfilePatch"/>).</summary>
internal sealed class LearningProfileRequest
{
    public string? ProfileId { get; set; }

    public ProfilePatch? Changes { get; set; }
}
