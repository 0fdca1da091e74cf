namespace GAgent.Sessions;

/// <summary>
/// Session id rules: 1 to 128 characters of ASCII letters, digits, '-' and '_'. Ids become file names, so nothing
/// else (no dots, slashes or spaces) is accepted.
/// </summary>
public static class SessionIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>True when <paramref name="id"/> is a well-formed session id.</summary>
    public static bool IsValid(string? id) => SafeIds.IsValid(id, MaxLength);

    /// <summary>Throws an <see cref="ArgumentException"/> that says what is wrong when the id is malformed.</summary>
    public static void Validate(string? id, string paramName = "sessionId")
    {
        if (!IsValid(id))
        {
            throw new ArgumentException($"'{id}' is not a valid session id: use 1 to {MaxLength} characters of letters, digits, '-' and '_'.", paramName);
        }
    }

    /// <summary>A new time-ordered id (32 lowercase hex characters).</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");
}
