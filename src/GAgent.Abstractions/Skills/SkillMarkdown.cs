namespace GAgent.Skills;

/// <summary>
/// Reads SKILL.md files: a front matter block between <c>---</c> lines with <c>key: value</c> pairs (values may be
/// quoted, or folded over indented lines after <c>&gt;</c> or <c>|</c>), then Markdown. Only <c>name</c> and
/// <c>description</c> are required; other keys are kept in the text and ignored.
/// </summary>
public static class SkillMarkdown
{
    /// <summary>The most characters of a skill name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The most characters of a skill description.</summary>
    public const int MaxDescriptionLength = 1_024;

    /// <summary>Parses a SKILL.md text.</summary>
    /// <exception cref="InvalidSkillException">The text has no front matter or misses <c>name</c> or <c>description</c>; the message says what is missing.</exception>
    public static SkillDocument Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = content.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var start = 0;
        while (start < lines.Length && lines[start].Trim().Length == 0)
        {
            start++;
        }

        if (start >= lines.Length || lines[start].TrimEnd() != "---")
        {
            throw new InvalidSkillException("SKILL.md must start with a front matter block: a line '---', then 'name: ...' and 'description: ...' lines, then a closing '---'.");
        }

        var end = -1;
        for (var i = start + 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == "---")
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            throw new InvalidSkillException("The front matter of SKILL.md is not closed: add a line '---' after the 'name' and 'description' lines.");
        }

        var values = ReadFrontMatter(lines, start + 1, end);
        values.TryGetValue("name", out var name);
        values.TryGetValue("description", out var description);
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            missing.Add("'name'");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            missing.Add("'description'");
        }

        if (missing.Count > 0)
        {
            throw new InvalidSkillException($"The front matter of SKILL.md misses {string.Join(" and ", missing)}: add a line such as 'name: Release notes' and 'description: When and how to use the skill'.");
        }

        if (name!.Length > MaxNameLength)
        {
            throw new InvalidSkillException($"The skill 'name' is {name.Length} characters long; at most {MaxNameLength} are allowed.");
        }

        if (description!.Length > MaxDescriptionLength)
        {
            throw new InvalidSkillException($"The skill 'description' is {description.Length} characters long; at most {MaxDescriptionLength} are allowed.");
        }

        var body = string.Join('\n', lines[(end + 1)..]).Trim('\n');
        return new SkillDocument(name, description, body);
    }

    private static Dictionary<string, string> ReadFrontMatter(string[] lines, int from, int to)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = from; i < to; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#') || char.IsWhiteSpace(line[0]))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidSkillException($"Line {i + 1} of SKILL.md is in the front matter but is not 'key: value': '{line.Trim()}'.");
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (value is "" or ">" or "|" or ">-" or "|-")
            {
                // A block value: the indented lines that follow, folded with spaces (>) or kept as lines (|).
                var separator = value.StartsWith('|') ? "\n" : " ";
                var parts = new List<string>();
                while (i + 1 < to && (lines[i + 1].Length == 0 || char.IsWhiteSpace(lines[i + 1][0])))
                {
                    i++;
                    if (lines[i].Trim().Length > 0)
                    {
                        parts.Add(lines[i].Trim());
                    }
                }

                value = string.Join(separator, parts);
            }
            else
            {
                value = Unquote(value);
            }

            values[key] = value.Trim();
        }

        return values;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')))
        {
            var inner = value[1..^1];
            return value[0] == '"' ? inner.Replace("\\\"", "\"", StringComparison.Ordinal) : inner.Replace("''", "'", StringComparison.Ordinal);
        }

        return value;
    }
}
