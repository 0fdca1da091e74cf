namespace GAgent.Skills;

/// <summary>The content of the file skill store's <c>skills.json</c>: which skills are disabled.</summary>
internal sealed record SkillStateRecord(IReadOnlyList<string> Disabled);
