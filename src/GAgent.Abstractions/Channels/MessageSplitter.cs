using System.Text;

namespace GAgent.Channels;

/// <summary>
/// Splits a long reply into parts a channel accepts. Prefers paragraph, then line, then word boundaries, and keeps fenced
/// code blocks (<c>```</c>) whole; a code block longer than the limit is cut between lines, closing the fence at the end of
/// each part and re-opening it (with its language) at the start of the next, so every part renders on its own.
/// </summary>
public static class MessageSplitter
{
    /// <summary>The smallest limit accepted: room for a re-opened fence and some code.</summary>
    public const int MinLength = 32;

    private const string Fence = "```";

    /// <summary>Splits <paramref name="text"/> into parts of at most <paramref name="maxLength"/> characters each.</summary>
    /// <returns>The parts in order; one part when the text fits, none when it is empty or whitespace.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is below <see cref="MinLength"/>.</exception>
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinLength);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (text.Length <= maxLength)
        {
            return [text];
        }

        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var (block, isCode) in Blocks(text))
        {
            if (current.Length + block.Length <= maxLength)
            {
                current.Append(block);
                continue;
            }

            Flush(parts, current);
            if (block.Length <= maxLength)
            {
                current.Append(block.TrimStart('\r', '\n'));
            }
            else if (isCode)
            {
                SplitCode(block, maxLength, parts, current);
            }
            else
            {
                SplitProse(block, maxLength, parts, current);
            }
        }

        Flush(parts, current);
        return parts;
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        var part = current.ToString().TrimEnd().TrimStart('\r', '\n');
        if (part.Length > 0)
        {
            parts.Add(part);
        }

        current.Clear();
    }

    /// <summary>Cuts prose at the best boundary within each part; the last piece stays in <paramref name="current"/> so following blocks can join it.</summary>
    private static void SplitProse(string prose, int maxLength, List<string> parts, StringBuilder current)
    {
        var rest = prose.AsSpan().TrimStart("\r\n");
        while (rest.Length > maxLength)
        {
            var cut = FindCut(rest, maxLength);
            current.Append(rest[..cut]);
            Flush(parts, current);
            rest = rest[cut..].TrimStart();
        }

        current.Append(rest);
    }

    private static int FindCut(ReadOnlySpan<char> text, int room)
    {
        var window = text[..(room + 1)];
        var worthIt = room / 3;
        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph > worthIt)
        {
            return paragraph;
        }

        var line = window.LastIndexOf('\n');
        if (line > worthIt)
        {
            return line;
        }

        var word = window.LastIndexOf(' ');
        if (word > 0)
        {
            return word;
        }

        if (line > 0)
        {
            return line;
        }

        // No boundary at all (one very long token): cut hard, but never inside a surrogate pair.
        return char.IsHighSurrogate(text[room - 1]) ? room - 1 : room;
    }

    /// <summary>Cuts a too-long code block between lines, each part wrapped in its own fence.</summary>
    private static void SplitCode(string block, int maxLength, List<string> parts, StringBuilder current)
    {
        var lines = Lines(block.TrimStart('\r', '\n')).Select(static l => l.TrimEnd('\r', '\n')).ToList();
        var open = lines[0].Trim();
        var closed = lines.Count > 1 && lines[^1].TrimStart().StartsWith(Fence, StringComparison.Ordinal);
        var body = lines.GetRange(1, lines.Count - (closed ? 2 : 1));

        // A language tag so long it would crowd out the code is dropped from the re-opened fences.
        if (open.Length + Fence.Length + 2 > maxLength / 2)
        {
            open = Fence;
        }

        var room = maxLength - open.Length - Fence.Length - 2;
        var chunk = new StringBuilder();
        foreach (var line in body)
        {
            var rest = line.AsSpan();
            do
            {
                var piece = rest.Length > room ? rest[..(char.IsHighSurrogate(rest[room - 1]) ? room - 1 : room)] : rest;
                var needed = piece.Length + (chunk.Length > 0 ? 1 : 0);
                if (chunk.Length + needed > room)
                {
                    parts.Add(Fenced(open, chunk));
                    chunk.Clear();
                }

                if (chunk.Length > 0)
                {
                    chunk.Append('\n');
                }

                chunk.Append(piece);
                rest = rest[piece.Length..];
            }
            while (!rest.IsEmpty);
        }

        current.Append(Fenced(open, chunk)).Append('\n');
    }

    private static string Fenced(string open, StringBuilder code) => $"{open}\n{code}\n{Fence}";

    /// <summary>Splits text into prose runs and fenced code blocks; concatenated, the blocks are the original text.</summary>
    private static IEnumerable<(string Block, bool IsCode)> Blocks(string text)
    {
        var block = new StringBuilder();
        var inCode = false;
        foreach (var line in Lines(text))
        {
            var isFence = line.AsSpan().TrimStart().StartsWith(Fence, StringComparison.Ordinal);
            if (isFence && !inCode)
            {
                if (block.Length > 0)
                {
                    yield return (block.ToString(), false);
                    block.Clear();
                }

                inCode = true;
                block.Append(line);
            }
            else if (isFence)
            {
                block.Append(line);
                yield return (block.ToString(), true);
                block.Clear();
                inCode = false;
            }
            else
            {
                block.Append(line);
            }
        }

        if (block.Length > 0)
        {
            yield return (block.ToString(), inCode);
        }
    }

    /// <summary>The lines of <paramref name="text"/>, each with its line break.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            yield return text[start..end];
            start = end;
        }
    }
}
