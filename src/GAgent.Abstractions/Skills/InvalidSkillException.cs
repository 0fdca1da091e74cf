namespace GAgent.Skills;

/// <summary>A SKILL.md text is not valid; the message says what is wrong and how to fix it.</summary>
public sealed class InvalidSkillException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public InvalidSkillException(string message)
        : base(message, "invalid_skill")
    {
    }
}
