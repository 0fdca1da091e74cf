using GAgent.Learning;

namespace GAgent.Runtime.Tests.Learning;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_have_no_diff()
    {
        Assert.Equal(string.Empty, UnifiedDiff.Create("a\nb\n", "a\nb\n", "a", "b"));
        Assert.Equal(string.Empty, UnifiedDiff.Create("a\r\nb\r\n", "a\nb\n", "a", "b"));
        Assert.Equal(string.Empty, UnifiedDiff.Create(string.Empty, string.Empty, "a", "b"));
    }

    [Fact]
    public void A_new_file_is_all_additions()
    {
        var diff = UnifiedDiff.Create(string.Empty, "one\ntwo\n", "/dev/null", "b/SKILL.md");
        Assert.Equal("--- /dev/null\n+++ b/SKILL.md\n@@ -0,0 +1,2 @@\n+one\n+two\n", diff);
    }

    [Fact]
    public void An_append_shows_context_before_it()
    {
        var diff = UnifiedDiff.Create("- a\n- b\n- c\n- d\n- e\n", "- a\n- b\n- c\n- d\n- e\n- f\n", "a/m.md", "b/m.md");
        Assert.Equal("--- a/m.md\n+++ b/m.md\n@@ -3,3 +3,4 @@\n - c\n - d\n - e\n+- f\n", diff);
    }

    [Fact]
    public void A_changed_line_in_the_middle_is_a_deletion_and_an_insertion_with_three_lines_of_context()
    {
        var before = string.Join('\n', Enumerable.Range(1, 10).Select(static i => $"line {i}")) + "\n";
        var after = before.Replace("line 5\n", "line five\n", StringComparison.Ordinal);
        var diff = UnifiedDiff.Create(before, after, "a", "b");
        Assert.Equal("--- a\n+++ b\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n", diff);
    }

    [Fact]
    public void Distant_changes_make_separate_hunks_and_near_ones_merge()
    {
        var lines = Enumerable.Range(1, 20).Select(static i => $"l{i}").ToArray();
        var before = string.Join('\n', lines) + "\n";
        var far = (string[])lines.Clone();
        far[1] = "X2";
        far[18] = "X19";
        var separate = UnifiedDiff.Create(before, string.Join('\n', far) + "\n", "a", "b");
        Assert.Equal(2, separate.Split('\n').Count(static l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -1,5 +1,5 @@\n", separate, StringComparison.Ordinal);
        Assert.Contains("@@ -16,5 +16,5 @@\n", separate, StringComparison.Ordinal);

        var near = (string[])lines.Clone();
        near[4] = "X5";
        near[10] = "X11";
        var merged = UnifiedDiff.Create(before, string.Join('\n', near) + "\n", "a", "b");
        Assert.Single(merged.Split('\n'), static l => l.StartsWith("@@", StringComparison.Ordinal));
        Assert.Contains("@@ -2,13 +2,13 @@\n", merged, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_final_newline_is_marked_and_counts_as_a_change()
    {
        var diff = UnifiedDiff.Create("a\nb", "a\nb\n", "x", "y");
        Assert.Equal("--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n", diff);
    }

    [Fact]
    public void The_alignment_keeps_common_lines_between_changes()
    {
        var diff = UnifiedDiff.Create("a\nb\nc\nd\n", "a\nx\nc\ny\nd\n", "1", "2");
        Assert.Equal("--- 1\n+++ 2\n@@ -1,4 +1,5 @@\n a\n-b\n+x\n c\n+y\n d\n", diff);
    }

    [Fact]
    public void Huge_changed_middles_fall_back_to_replacing_them_whole()
    {
        var before = string.Join('\n', Enumerable.Range(0, 1_500).Select(static i => $"old {i}")) + "\n";
        var after = string.Join('\n', Enumerable.Range(0, 1_500).Select(static i => $"new {i}")) + "\n";
        var diff = UnifiedDiff.Create(before, after, "a", "b");
        var lines = diff.Split('\n');
        Assert.Equal("@@ -1,1500 +1,1500 @@", lines[2]);
        Assert.Equal(1_500, lines.Count(static l => l.StartsWith("-old", StringComparison.Ordinal)));
        Assert.Equal(1_500, lines.Count(static l => l.StartsWith("+new", StringComparison.Ordinal)));
    }

    [Fact]
    public void Applying_the_diff_reproduces_the_new_text()
    {
        var random = new Random(42);
        for (var round = 0; round < 50; round++)
        {
            var before = Enumerable.Range(0, random.Next(0, 30)).Select(_ => $"w{random.Next(0, 6)}").ToList();
            var after = before.Where(_ => random.Next(4) > 0).ToList();
            for (var k = random.Next(0, 5); k > 0; k--)
            {
                after.Insert(random.Next(0, after.Count + 1), $"n{random.Next(0, 6)}");
            }

            var a = string.Concat(before.Select(static l => l + "\n"));
            var b = string.Concat(after.Select(static l => l + "\n"));
            Assert.Equal(b, Patch(a, UnifiedDiff.Create(a, b, "a", "b")));
        }
    }

    /// <summary>A minimal patch applier for the test: walks hunks, checks context and removals, and builds the new text.</summary>
    private static string Patch(string original, string diff)
    {
        if (diff.Length == 0)
        {
            return original;
        }

        var source = original.Length == 0 ? [] : original.TrimEnd('\n').Split('\n');
        var result = new List<string>();
        var position = 0;
        foreach (var line in diff.TrimEnd('\n').Split('\n').Skip(2))
        {
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                var start = int.Parse(line.Split(' ')[1][1..].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
                var count = line.Split(' ')[1].Contains(',', StringComparison.Ordinal) ? int.Parse(line.Split(' ')[1].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
                var target = count == 0 ? start : start - 1;
                while (position < target)
                {
                    result.Add(source[position++]);
                }
            }
            else if (line[0] == ' ' || line[0] == '-')
            {
                Assert.Equal(source[position], line[1..]);
                position++;
                if (line[0] == ' ')
                {
                    result.Add(line[1..]);
                }
            }
            else if (line[0] == '+')
            {
                result.Add(line[1..]);
            }
        }

        while (position < source.Length)
        {
            result.Add(source[position++]);
        }

        return string.Concat(result.Select(static l => l + "\n"));
    }
}
