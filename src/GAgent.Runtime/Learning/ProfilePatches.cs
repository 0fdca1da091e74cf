using GAgent.Profiles;

namespace GAgent.Learning;

/// <summary>The learning queue's preview of a <see cref="ProfilePatch"/>: which members it changes, before and after.</summary>
internal static class ProfilePatches
{
    /// <summary>Each member the patch sets, with its value before and after (tool lists joined by ", ", all tools shown as "*").</summary>
    public static IReadOnlyList<LearningFieldChange> Changes(AgentProfile before, ProfilePatch patch)
    {
        var after = ProfilePatching.Apply(before, patch);
        var fields = new List<LearningFieldChange>();
        void Add(bool set, string field, string? was, string? now)
        {
            if (set)
            {
                fields.Add(new LearningFieldChange(field, was, now));
            }
        }

        Add(patch.Name is not null, "name", before.Name, after.Name);
        Add(patch.Description is not null, "description", before.Description, after.Description);
        Add(patch.Persona is not null, "persona", before.Persona, after.Persona);
        Add(patch.ModelId is not null, "modelId", before.ModelId, after.ModelId);
        Add(patch.AllowAllTools || patch.AllowedTools is not null, "allowedTools", Tools(before.AllowedTools), Tools(after.AllowedTools));
        Add(patch.ToolsRequiringApproval is not null, "toolsRequiringApproval", Tools(before.ToolsRequiringApproval), Tools(after.ToolsRequiringApproval));
        Add(patch.MemoryScope is not null, "memoryScope", before.MemoryScope, after.MemoryScope);
        Add(patch.AvatarMediaId is not null, "visual.avatarMediaId", before.Visual.AvatarMediaId, after.Visual.AvatarMediaId);
        Add(patch.AccentColor is not null, "visual.accentColor", before.Visual.AccentColor, after.Visual.AccentColor);
        Add(patch.Theme is not null, "visual.theme", before.Visual.Theme.ToString().ToLowerInvariant(), after.Visual.Theme.ToString().ToLowerInvariant());
        return fields;
    }

    private static string Tools(IReadOnlyList<string>? names) => names is null ? "*" : string.Join(", ", names);
}
