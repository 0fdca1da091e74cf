namespace GAgent.Profiles;

/// <summary>
/// Profile id rules: 1 to 64 characters of ASCII letters, digits, '-' and '_'. Ids become file names, so nothing else
/// (no dots, slashes or spaces) is accepted.
/// </summary>
public static class ProfileIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>The id of the built-in default profile, which always exists and cannot be deleted.</summary>
    public const string Default = "default";

    /// <summary>True when <paramref name="id"/> is a well-formed profile id.</summary>
    public static bool IsValid(string? id) => SafeIds.IsValid(id, MaxLength);

    /// <summary>Throws an <see cref="ArgumentException"/> that says what is wrong when the id is malformed.</summary>
    public static void Validate(string? id, string paramName = "profileId")
    {
        if (!IsValid(id))
        {
            throw new ArgumentException(Describe(id), paramName);
        }
    }

    /// <summary>The message that explains why <paramref name="id"/> is not a valid profile id.</summary>
    public static string Describe(string? id) => $"'{id}' is not a valid profile id: use 1 to {MaxLength} characters of letters, digits, '-' and '_'.";
}
