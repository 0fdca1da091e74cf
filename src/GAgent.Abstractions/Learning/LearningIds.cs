namespace GAgent.Learning;

/// <summary>Learning candidate ids: <c>lrn_</c> followed by 1 to 60 letters, digits, '-' or '_'. Ids become file names, so nothing else is accepted.</summary>
public static class LearningIds
{
    /// <summary>The prefix of every candidate id.</summary>
    public const string Prefix = "lrn_";

    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="id"/> is a well-formed candidate id.</summary>
    public static bool IsValid(string? id)
        => id is not null && id.Length > Prefix.Length && id.StartsWith(Prefix, StringComparison.Ordinal) && SafeIds.IsValid(id, MaxLength);

    /// <summary>Throws an <see cref="ArgumentException"/> that says what is wrong when the id is malformed.</summary>
    public static void Validate(string? id, string paramName = "id")
    {
        if (!IsValid(id))
        {
            throw new ArgumentException(Describe(id), paramName);
        }
    }

    /// <summary>The message that explains why <paramref name="id"/> is not a valid candidate id.</summary>
    public static string Describe(string? id) => $"'{id}' is not a valid learning candidate id: ids look like '{Prefix}' followed by letters, digits, '-' or '_' ({MaxLength} characters at most), as GET /api/learning lists them.";

    /// <summary>A new time-ordered id, so ordering ids orders candidates by creation.</summary>
    public static string New() => Prefix + Guid.CreateVersion7().ToString("N");
}
