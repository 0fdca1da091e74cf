namespace GAgent.Runtime.Tests.Skills;

/// <summary>SKILL.md texts used by the skill tests.</summary>
internal static class SkillSamples
{
    public static string Skill(string name, string description, string body = "Do the thing step by step.")
        => $"---\nname: {name}\ndescription: {description}\n---\n\n{body}\n";
}
