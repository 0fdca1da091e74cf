namespace GAgent.Learning;

/// <summary>A proposed skill: the whole SKILL.md text written to the skill <see cref="SkillId"/> when applied (created or replaced).</summary>
public sealed record SkillProposal
{
    /// <summary>The skill id (see <see cref="GAgent.Skills.SkillIds"/>).</summary>
    public required string SkillId { get; init; }

    /// <summary>The full SKILL.md text, front matter included.</summary>
    public required string Content { get; init; }
}
