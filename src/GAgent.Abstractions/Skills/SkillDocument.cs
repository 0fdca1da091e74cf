namespace GAgent.Skills;

/// <summary>A parsed SKILL.md: the front matter's <c>name</c> and <c>description</c>, and the Markdown body.</summary>
public sealed record SkillDocument(string Name, string Description, string Body);
