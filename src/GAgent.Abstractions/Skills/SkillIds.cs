namespace GAgent.Skills;

/// <summary>Skill id rules: the skill's folder name, 1 to 64 characters of ASCII letters, digits, '-' and '_'.</summary>
public static class SkillIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="id"/> is a well-formed skill id.</summary>
    public static bool IsValid(string? id) => SafeIds.IsValid(id, MaxLength);

    /// <summary>Throws an <see cref="ArgumentException"/> that says what is wrong when the id is malformed.</summary>
    public static void Validate(string? id, string paramName = "skillId")
    {
        if (!IsValid(id))
        {
            throw new ArgumentException(Describe(id), paramName);
        }
    }

    /// <summary>The message that explains why <paramref name="id"/> is not a valid skill id.</summary>
    public static string Describe(string? id) => $"'{id}' is not a valid skill id: use 1 to {MaxLength} characters of letters, digits, '-' and '_'.";
}
