namespace GAgent.Routines;

/// <summary>
/// Routine id rules: 1 to 56 characters of ASCII letters, digits, '-' and '_'. Ids become file names and the author
/// name (<c>routine-{id}</c>) of the messages a routine sends, so nothing else is accepted.
/// </summary>
public static class RoutineIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 56;

    /// <summary>True when <paramref name="id"/> is a well-formed routine id.</summary>
    public static bool IsValid(string? id) => SafeIds.IsValid(id, MaxLength);

    /// <summary>Throws an <see cref="ArgumentException"/> that says what is wrong when the id is malformed.</summary>
    public static void Validate(string? id, string paramName = "routineId")
    {
        if (!IsValid(id))
        {
            throw new ArgumentException($"'{id}' is not a valid routine id: use 1 to {MaxLength} characters of letters, digits, '-' and '_'.", paramName);
        }
    }

    /// <summary>A new time-ordered id (<c>rt_</c> and 32 lowercase hex characters).</summary>
    public static string New() => "rt_" + Guid.CreateVersion7().ToString("N");
}
