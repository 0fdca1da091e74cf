using System.Text;

namespace GAgent.Media;

/// <summary>Reduces a client's declared file name to a safe display name: last path segment, no control or path characters, bounded length.</summary>
public static class MediaFileNames
{
    /// <summary>The longest sanitized name.</summary>
    public const int MaxLength = 200;

    /// <summary>The name used when the client declared none (or nothing usable).</summary>
    public const string Fallback = "file";

    /// <summary>Sanitizes <paramref name="fileName"/>.</summary>
    public static string Sanitize(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return Fallback;
        }

        var last = fileName.Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(Math.Min(last.Length, MaxLength));
        foreach (var c in last)
        {
            if (builder.Length == MaxLength)
            {
                break;
            }

            builder.Append(char.IsControl(c) || c is '"' or ':' or '*' or '?' or '<' or '>' or '|' || char.IsSurrogate(c) ? '_' : c);
        }

        var name = builder.ToString().Trim().Trim('.');
        return name.Length == 0 ? Fallback : name;
    }
}
