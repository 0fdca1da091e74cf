namespace GAgent.Skills;

/// <summary>A SKILL.md text is longer than the store accepts.</summary>
public sealed class SkillTooLargeException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public SkillTooLargeException(int length, int maxLength)
        : base($"The SKILL.md text is {length} characters long; at most {maxLength} are allowed (GAgent:Skills:MaxSkillChars).", "skill_too_large")
    {
        Length = length;
        MaxLength = maxLength;
    }

    /// <summary>The length of the rejected text.</summary>
    public int Length { get; }

    /// <summary>The cap.</summary>
    public int MaxLength { get; }
}
