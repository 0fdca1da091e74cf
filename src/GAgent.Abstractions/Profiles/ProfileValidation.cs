using GAgent.Media;
using GAgent.Memory;

namespace GAgent.Profiles;

/// <summary>
/// The shape rules every stored profile satisfies (ids, lengths, colour format, tool-name lists). Whether the model and
/// the tools it names exist is the runtime's concern: stores only check the shape.
/// </summary>
public static class ProfileValidation
{
    /// <summary>The longest tool or model name accepted.</summary>
    public const int MaxNameLength = 128;

    /// <summary>The one well-formed id no profile may have (it names the active-profile endpoint).</summary>
    public const string ReservedId = "active";

    private static readonly System.Buffers.SearchValues<char> s_hex = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Throws an <see cref="ArgumentException"/> naming the member that is wrong and how to fix it.</summary>
    public static void Validate(AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ProfileIds.Validate(profile.Id, "id");
        if (profile.Id == ReservedId)
        {
            throw Invalid($"'{ReservedId}' cannot be a profile id: /api/profiles/{ReservedId} is the active-profile endpoint. Choose another id.", "id");
        }

        if (string.IsNullOrWhiteSpace(profile.Name))
        {
            throw Invalid("A profile needs a 'name'.", "name");
        }

        CheckLength(profile.Name, AgentProfile.MaxNameLength, "name");
        CheckLength(profile.Description, AgentProfile.MaxDescriptionLength, "description");
        CheckLength(profile.Persona, AgentProfile.MaxPersonaLength, "persona");
        if (profile.ModelId is not null && (profile.ModelId.Length == 0 || profile.ModelId.Length > MaxNameLength || profile.ModelId.StartsWith(ProfileModelIds.Prefix, StringComparison.Ordinal)))
        {
            throw Invalid($"'modelId' must name a model (1 to {MaxNameLength} characters, not a '{ProfileModelIds.Prefix}' reference) or be null for the default model.", "modelId");
        }

        if (profile.AllowedTools is { } allowed)
        {
            CheckToolNames(allowed, "allowedTools");
        }

        CheckToolNames(profile.ToolsRequiringApproval ?? throw Invalid("'toolsRequiringApproval' must be a list (empty for none).", "toolsRequiringApproval"), "toolsRequiringApproval");
        if (profile.MemoryScope is not null && !MemoryScopes.IsValid(profile.MemoryScope))
        {
            throw Invalid(MemoryScopes.Describe(profile.MemoryScope), "memoryScope");
        }

        var visual = profile.Visual ?? throw Invalid("'visual' must be an object.", "visual");
        if (visual.AvatarMediaId is not null && !MediaIds.IsValid(visual.AvatarMediaId))
        {
            throw Invalid($"'visual.avatarMediaId' must be a media id ({MediaIds.Length} lowercase hex digits, as POST /api/media returns).", "visual.avatarMediaId");
        }

        if (visual.AccentColor is not null && !IsColor(visual.AccentColor))
        {
            throw Invalid($"'visual.accentColor' must be a colour written as #rrggbb (for example #3366ff); got '{visual.AccentColor}'.", "visual.accentColor");
        }

        if (!Enum.IsDefined(visual.Theme))
        {
            throw Invalid("'visual.theme' must be light, dark or system.", "visual.theme");
        }
    }

    /// <summary>True for a colour written as <c>#rrggbb</c>.</summary>
    public static bool IsColor(string? value) => value is { Length: 7 } && value[0] == '#' && !value.AsSpan(1).ContainsAnyExcept(s_hex);

    private static ArgumentException Invalid(string message, string member) => new(message, member);

    private static void CheckLength(string? value, int max, string member)
    {
        if (value is { Length: > 0 } && value.Length > max)
        {
            throw Invalid($"'{member}' is {value.Length} characters long; at most {max} are allowed.", member);
        }
    }

    private static void CheckToolNames(IReadOnlyList<string> names, string member)
    {
        if (names.Count > AgentProfile.MaxToolNames)
        {
            throw Invalid($"'{member}' lists {names.Count} tools; at most {AgentProfile.MaxToolNames} are allowed.", member);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
            {
                throw Invalid($"'{member}' holds an empty or over-long tool name; tool names have 1 to {MaxNameLength} characters.", member);
            }

            if (!seen.Add(name))
            {
                throw Invalid($"'{member}' lists the tool '{name}' twice.", member);
            }
        }
    }
}
