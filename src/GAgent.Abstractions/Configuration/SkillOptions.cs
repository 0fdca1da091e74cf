using System.ComponentModel.DataAnnotations;

namespace GAgent.Configuration;

/// <summary>Skills (<c>GAgent:Skills</c>).</summary>
public sealed class SkillOptions
{
    /// <summary>The most characters of one SKILL.md text. Default 64 Ki.</summary>
    [Range(256, 16 * 1024 * 1024)]
    public int MaxSkillChars { get; set; } = 64 * 1024;

    /// <summary>The most characters of enabled skill summaries put into the model's context. Default 4 Ki.</summary>
    [Range(0, 1024 * 1024)]
    public int MaxContextChars { get; set; } = 4 * 1024;
}
