namespace GAgent.Skills;

/// <summary>The skill does not exist.</summary>
public sealed class SkillNotFoundException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public SkillNotFoundException(string skillId)
        : base($"The skill '{skillId}' does not exist. GET /api/skills lists the skills.", "skill_not_found") => SkillId = skillId;

    /// <summary>The id that was not found.</summary>
    public string SkillId { get; }
}
