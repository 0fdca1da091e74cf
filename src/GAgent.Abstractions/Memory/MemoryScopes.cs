namespace GAgent.Memory;

/// <summary>Memory scope rules: the same as profile ids (1 to 64 letters, digits, '-' and '_'), since a profile's own scope is its id.</summary>
public static class MemoryScopes
{
    /// <summary>The longest scope accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="scope"/> is a well-formed memory scope.</summary>
    public static bool IsValid(string? scope) => SafeIds.IsValid(scope, MaxLength);

    /// <summary>Throws an <see cref="ArgumentException"/> that says what is wrong when the scope is malformed.</summary>
    public static void Validate(string? scope, string paramName = "scope")
    {
        if (!IsValid(scope))
        {
            throw new ArgumentException(Describe(scope), paramName);
        }
    }

    /// <summary>The message that explains why <paramref name="scope"/> is not a valid memory scope.</summary>
    public static string Describe(string? scope) => $"'{scope}' is not a valid memory scope: use 1 to {MaxLength} characters of letters, digits, '-' and '_'.";
}
