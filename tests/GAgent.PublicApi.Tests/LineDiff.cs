using System.Globalization;
using System.Text;

namespace GAgent.PublicApi.Tests;

/// <summary>A small line diff (longest common subsequence) that renders unified-style hunks for assertion messages.</summary>
public static class LineDiff
{
    // Beyond this many cells the middle section is reported as wholly replaced rather than aligned.
    private const long MaxCells = 4_000_000;

    /// <summary>Describes how <paramref name="actual"/> differs from <paramref name="expected"/>; empty when equal.</summary>
    public static string Describe(string expected, string actual, int context = 2, int maxLines = 200)
    {
        var a = SplitLines(expected);
        var b = SplitLines(actual);
        var ops = Compute(a, b);
        if (ops.All(o => o.Kind == ' '))
        {
            return string.Empty;
        }

        var show = new bool[ops.Count];
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i].Kind != ' ')
            {
                for (var j = Math.Max(0, i - context); j <= Math.Min(ops.Count - 1, i + context); j++)
                {
                    show[j] = true;
                }
            }
        }

        var sb = new StringBuilder();
        var written = 0;
        for (var i = 0; i < ops.Count; i++)
        {
            if (!show[i])
            {
                continue;
            }

            if (i == 0 || !show[i - 1])
            {
                sb.Append(CultureInfo.InvariantCulture, $"@@ approved line {ops[i].ExpectedLine + 1}, received line {ops[i].ActualLine + 1} @@\n");
            }

            if (written++ == maxLines)
            {
                sb.Append(CultureInfo.InvariantCulture, $"... ({ops.Count(o => o.Kind != ' ')} changed lines in total; see the received file)\n");
                break;
            }

            sb.Append(ops[i].Kind).Append(' ').Append(ops[i].Text).Append('\n');
        }

        return sb.ToString();
    }

    private static string[] SplitLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (normalized.EndsWith('\n'))
        {
            normalized = normalized[..^1];
        }

        return normalized.Length == 0 ? [] : normalized.Split('\n');
    }

    private static List<(char Kind, string Text, int ExpectedLine, int ActualLine)> Compute(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var ops = new List<(char, string, int, int)>();
        for (var i = 0; i < prefix; i++)
        {
            ops.Add((' ', a[i], i, i));
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            for (var i = 0; i < n; i++)
            {
                ops.Add(('-', a[prefix + i], prefix + i, prefix));
            }

            for (var j = 0; j < m; j++)
            {
                ops.Add(('+', b[prefix + j], prefix + n, prefix + j));
            }
        }
        else
        {
            // lcs[i, j] = length of the longest common subsequence of a[i..] and b[j..] within the middle section.
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y])
                {
                    ops.Add((' ', a[prefix + x], prefix + x, prefix + y));
                    x++;
                    y++;
                }
                else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
                {
                    ops.Add(('-', a[prefix + x], prefix + x, prefix + y));
                    x++;
                }
                else
                {
                    ops.Add(('+', b[prefix + y], prefix + x, prefix + y));
                    y++;
                }
            }
        }

        for (var i = 0; i < suffix; i++)
        {
            ops.Add((' ', a[a.Length - suffix + i], a.Length - suffix + i, b.Length - suffix + i));
        }

        return ops;
    }
}
