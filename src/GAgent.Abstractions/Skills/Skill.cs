namespace GAgent.Skills;

/// <summary>A skill: a SKILL.md document (front matter <c>name</c> and <c>description</c>, then Markdown instructions).</summary>
public sealed record Skill
{
    /// <summary>The id (the skill's folder name, see <see cref="SkillIds"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The <c>name</c> from the front matter.</summary>
    public required string Name { get; init; }

    /// <summary>The <c>description</c> from the front matter: what the skill is for, shown to the model.</summary>
    public required string Description { get; init; }

    /// <summary>The Markdown after the front matter.</summary>
    public required string Body { get; init; }

    /// <summary>The whole SKILL.md text as stored.</summary>
    public required string Content { get; init; }

    /// <summary>Enabled skills are summarised in the model's context and readable with <c>read_skill</c>.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>When the skill last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
