using System.Globalization;
using System.Text;

namespace GAgent.Learning;

/// <summary>
/// A line-based unified diff (the format of <c>diff -u</c> and <c>git diff</c>): common prefix and suffix are
/// trimmed, the rest is aligned by a longest-common-subsequence table. When the changed middle is too large for the
/// table (<see cref="MaxCells"/>), it is shown as removed and added as a whole, which is still a correct diff.
/// </summary>
internal static class UnifiedDiff
{
    /// <summary>The largest LCS table (changed lines before × after) computed; beyond it the middle is replaced whole.</summary>
    public const int MaxCells = 1_000_000;

    private const string NoNewline = "\\ No newline at end of file";

    private enum Op
    {
        Equal,
        Delete,
        Insert,
    }

    /// <summary>The unified diff from <paramref name="before"/> to <paramref name="after"/>; empty when they are equal (line endings normalised).</summary>
    public static string Create(string before, string after, string fromLabel, string toLabel, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        var a = SplitLines(before);
        var b = SplitLines(after);
        var script = Script(a, b);
        if (script.TrueForAll(static s => s.Op == Op.Equal))
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(fromLabel).Append('\n');
        text.Append("+++ ").Append(toLabel).Append('\n');
        var i = 0;
        while (i < script.Count)
        {
            var firstChange = script.FindIndex(i, static s => s.Op != Op.Equal);
            if (firstChange < 0)
            {
                break;
            }

            // Extend the hunk while the next change is within 2 × context equal lines.
            var start = Math.Max(i, firstChange - context);
            var end = firstChange;
            while (true)
            {
                var lastChange = end;
                while (end < script.Count && script[end].Op != Op.Equal)
                {
                    lastChange = end;
                    end++;
                }

                var next = script.FindIndex(end, static s => s.Op != Op.Equal);
                if (next >= 0 && next - lastChange - 1 <= 2 * context)
                {
                    end = next;
                    continue;
                }

                end = Math.Min(script.Count, lastChange + 1 + context);
                break;
            }

            AppendHunk(text, script, start, end, a, b);
            i = end;
        }

        return text.ToString();
    }

    /// <summary>Lines of a text; the last line of a text without a final line break is marked so it differs from the same line with one.</summary>
    private static List<string> SplitLines(string text)
    {
        var normalized = text.ReplaceLineEndings("\n");
        if (normalized.Length == 0)
        {
            return [];
        }

        var lines = normalized.Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        else
        {
            lines[^1] += '\0';
        }

        return lines;
    }

    private static List<(Op Op, int A, int B)> Script(List<string> a, List<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var script = new List<(Op, int, int)>(a.Count + b.Count);
        for (var k = 0; k < prefix; k++)
        {
            script.Add((Op.Equal, k, k));
        }

        int n = a.Count - prefix - suffix, m = b.Count - prefix - suffix;
        if (n > 0 && m > 0 && (long)n * m <= MaxCells)
        {
            // lcs[i, j] = length of the longest common subsequence of a[prefix+i..] and b[prefix+j..] (middle only).
            var width = m + 1;
            var lcs = new int[(n + 1) * width];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lcs[(i * width) + j] = a[prefix + i] == b[prefix + j]
                        ? lcs[((i + 1) * width) + j + 1] + 1
                        : Math.Max(lcs[((i + 1) * width) + j], lcs[(i * width) + j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n && y < m)
            {
                if (a[prefix + x] == b[prefix + y])
                {
                    script.Add((Op.Equal, prefix + x++, prefix + y++));
                }
                else if (lcs[((x + 1) * width) + y] >= lcs[(x * width) + y + 1])
                {
                    script.Add((Op.Delete, prefix + x++, prefix + y));
                }
                else
                {
                    script.Add((Op.Insert, prefix + x, prefix + y++));
                }
            }

            for (; x < n; x++)
            {
                script.Add((Op.Delete, prefix + x, prefix + m));
            }

            for (; y < m; y++)
            {
                script.Add((Op.Insert, prefix + n, prefix + y));
            }
        }
        else
        {
            for (var k = 0; k < n; k++)
            {
                script.Add((Op.Delete, prefix + k, prefix));
            }

            for (var k = 0; k < m; k++)
            {
                script.Add((Op.Insert, prefix + n, prefix + k));
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            script.Add((Op.Equal, a.Count - suffix + k, b.Count - suffix + k));
        }

        return script;
    }

    private static void AppendHunk(StringBuilder text, List<(Op Op, int A, int B)> script, int start, int end, List<string> a, List<string> b)
    {
        int aCount = 0, bCount = 0;
        for (var k = start; k < end; k++)
        {
            aCount += script[k].Op == Op.Insert ? 0 : 1;
            bCount += script[k].Op == Op.Delete ? 0 : 1;
        }

        // A range starts at its first line (1-based); an empty range names the line before it, as diff does.
        var aStart = aCount == 0 ? script[start].A : script[start].A + 1;
        var bStart = bCount == 0 ? script[start].B : script[start].B + 1;
        text.Append("@@ -").Append(Range(aStart, aCount)).Append(" +").Append(Range(bStart, bCount)).Append(" @@\n");
        for (var k = start; k < end; k++)
        {
            var (op, ai, bi) = script[k];
            var (mark, line) = op switch
            {
                Op.Equal => (' ', a[ai]),
                Op.Delete => ('-', a[ai]),
                _ => ('+', b[bi]),
            };
            text.Append(mark);
            if (line.EndsWith('\0'))
            {
                text.Append(line.AsSpan(0, line.Length - 1)).Append('\n').Append(NoNewline).Append('\n');
            }
            else
            {
                text.Append(line).Append('\n');
            }
        }
    }

    private static string Range(int start, int count)
        => count == 1 ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start},{count}");
}
