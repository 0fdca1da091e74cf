using GAgent.Channels;

namespace GAgent.Runtime.Tests.Channels;

public sealed class MessageSplitterTests
{
    [Fact]
    public void Text_that_fits_is_one_part_unchanged()
    {
        Assert.Equal(["hello world"], MessageSplitter.Split("hello world", 100));
        var exact = new string('a', 40);
        Assert.Equal([exact], MessageSplitter.Split(exact, 40));
    }

    [Fact]
    public void Empty_text_has_no_parts()
    {
        Assert.Empty(MessageSplitter.Split("", 100));
        Assert.Empty(MessageSplitter.Split("  \n ", 100));
    }

    [Fact]
    public void Limit_below_minimum_is_rejected()
        => Assert.Throws<ArgumentOutOfRangeException>(() => MessageSplitter.Split("text", MessageSplitter.MinLength - 1));

    [Fact]
    public void One_character_over_the_limit_splits_on_a_word()
    {
        var text = new string('a', 20) + " " + new string('b', 20);
        var parts = MessageSplitter.Split(text, 40);
        Assert.Equal([new string('a', 20), new string('b', 20)], parts);
    }

    [Fact]
    public void Splits_on_paragraphs_before_lines_and_words()
    {
        var first = "First paragraph has some words.";
        var second = "Second paragraph\nhas two lines.";
        var parts = MessageSplitter.Split(first + "\n\n" + second, 50);
        Assert.Equal([first, second], parts);
    }

    [Fact]
    public void Splits_on_lines_when_a_paragraph_is_too_long()
    {
        var lines = Enumerable.Range(1, 10).Select(i => $"line number {i:00} of the text").ToArray();
        var parts = MessageSplitter.Split(string.Join('\n', lines), 70);
        Assert.All(parts, p => Assert.True(p.Length <= 70));
        Assert.Equal(lines, parts.SelectMany(p => p.Split('\n')));
    }

    [Fact]
    public void A_token_longer_than_the_limit_is_cut_hard()
    {
        var token = new string('x', 100);
        var parts = MessageSplitter.Split(token, 40);
        Assert.Equal([new string('x', 40), new string('x', 40), new string('x', 20)], parts);
    }

    [Fact]
    public void A_code_block_that_fits_is_never_split()
    {
        var prose = string.Join(' ', Enumerable.Repeat("word", 12));
        var code = "```csharp\nvar a = 1;\nvar b = 2;\nvar c = a + b;\n```";
        var parts = MessageSplitter.Split(prose + "\n" + code + "\nafter", 70);
        Assert.Single(parts, p => p.Contains(code, StringComparison.Ordinal));
        Assert.All(parts, p => Assert.True(p.Length <= 70, p));
        Assert.All(parts, p => Assert.Equal(0, CountFences(p) % 2));
    }

    [Fact]
    public void A_code_block_longer_than_the_limit_closes_and_reopens_the_fence()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"Console.WriteLine({i});").ToArray();
        var text = "Here is the code:\n```csharp\n" + string.Join('\n', lines) + "\n```\nDone.";
        var parts = MessageSplitter.Split(text, 120);

        Assert.True(parts.Count > 3);
        Assert.All(parts, p => Assert.True(p.Length <= 120, p));
        Assert.All(parts, p => Assert.Equal(0, CountFences(p) % 2));
        Assert.All(parts.Where(p => p.Contains("Console", StringComparison.Ordinal)), p => Assert.Contains("```csharp\n", p, StringComparison.Ordinal));
        var code = parts.SelectMany(p => p.Split('\n')).Where(l => l.StartsWith("Console", StringComparison.Ordinal));
        Assert.Equal(lines, code);
        Assert.StartsWith("Here is the code:", parts[0], StringComparison.Ordinal);
        Assert.EndsWith("Done.", parts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_line_longer_than_the_limit_is_cut_inside_its_fence()
    {
        var text = "```\n" + new string('y', 150) + "\n```";
        var parts = MessageSplitter.Split(text, 60);
        Assert.All(parts, p => Assert.True(p.Length <= 60, p));
        Assert.All(parts, p => Assert.StartsWith("```\n", p, StringComparison.Ordinal));
        Assert.All(parts, p => Assert.EndsWith("\n```", p, StringComparison.Ordinal));
        Assert.Equal(new string('y', 150), string.Concat(parts.Select(p => p[4..^4])));
    }

    [Fact]
    public void An_unclosed_fence_is_closed_in_each_part()
    {
        var text = "```\n" + string.Join('\n', Enumerable.Range(1, 20).Select(i => $"row {i}"));
        var parts = MessageSplitter.Split(text, 50);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.Equal(0, CountFences(p) % 2));
    }

    [Fact]
    public void Surrogate_pairs_are_never_cut()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 40));
        var parts = MessageSplitter.Split(text, 33);
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }

    private static int CountFences(string part)
        => part.Split('\n').Count(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
}
