namespace GAgent.Responses;

/// <summary>
/// Response id rules: 1 to 128 characters of ASCII letters, digits, '-' and '_'. Ids become file names in the default
/// store, so nothing else (no dots, slashes or spaces) is accepted.
/// </summary>
public static class ResponseIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>True when <paramref name="id"/> is a well-formed response id.</summary>
    public static bool IsValid(string? id) => SafeIds.IsValid(id, MaxLength);

    /// <summary>Throws an <see cref="ArgumentException"/> that says what is wrong when the id is malformed.</summary>
    public static void Validate(string? id, string paramName = "responseId")
    {
        if (!IsValid(id))
        {
            throw new ArgumentException($"'{id}' is not a valid response id: use 1 to {MaxLength} characters of letters, digits, '-' and '_'.", paramName);
        }
    }
}
