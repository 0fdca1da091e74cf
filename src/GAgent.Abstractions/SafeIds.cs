namespace GAgent;

/// <summary>The one rule for ids that become file names: ASCII letters, digits, '-' and '_' only, bounded length.</summary>
internal static class SafeIds
{
    public static bool IsValid(string? id, int maxLength)
    {
        if (string.IsNullOrEmpty(id) || id.Length > maxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
