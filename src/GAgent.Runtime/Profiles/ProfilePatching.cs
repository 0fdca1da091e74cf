namespace GAgent.Profiles;

/// <summary>
/// What a <see cref="ProfilePatch"/> does to a profile: null members keep the value, an empty string clears it.
/// One definition for the stores that apply patches and for the learning queue's previews of them.
/// </summary>
internal static class ProfilePatching
{
    public static AgentProfile Apply(AgentProfile profile, ProfilePatch patch) => profile with
    {
        Name = patch.Name ?? profile.Name,
        Description = patch.Description is null ? profile.Description : EmptyToNull(patch.Description),
        Persona = patch.Persona is null ? profile.Persona : EmptyToNull(patch.Persona),
        ModelId = patch.ModelId is null ? profile.ModelId : EmptyToNull(patch.ModelId),
        AllowedTools = patch.AllowAllTools ? null : patch.AllowedTools ?? profile.AllowedTools,
        ToolsRequiringApproval = patch.ToolsRequiringApproval ?? profile.ToolsRequiringApproval,
        MemoryScope = patch.MemoryScope is null ? profile.MemoryScope : EmptyToNull(patch.MemoryScope),
        Visual = profile.Visual with
        {
            AvatarMediaId = patch.AvatarMediaId is null ? profile.Visual.AvatarMediaId : EmptyToNull(patch.AvatarMediaId),
            AccentColor = patch.AccentColor is null ? profile.Visual.AccentColor : EmptyToNull(patch.AccentColor),
            Theme = patch.Theme ?? profile.Visual.Theme,
        },
    };

    private static string? EmptyToNull(string value) => value.Length == 0 ? null : value;
}
