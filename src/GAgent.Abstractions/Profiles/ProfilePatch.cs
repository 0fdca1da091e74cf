namespace GAgent.Profiles;

/// <summary>A partial update of a profile; null members are left unchanged, empty strings clear optional text.</summary>
public sealed record ProfilePatch
{
    /// <summary>New display name.</summary>
    public string? Name { get; init; }

    /// <summary>New description (empty clears it).</summary>
    public string? Description { get; init; }

    /// <summary>New persona (empty falls back to <c>GAgent:Instructions</c>).</summary>
    public string? Persona { get; init; }

    /// <summary>New model id (empty falls back to the default model).</summary>
    public string? ModelId { get; init; }

    /// <summary>New allowed tools. Use <see cref="AllowAllTools"/> to allow every tool again.</summary>
    public IReadOnlyList<string>? AllowedTools { get; init; }

    /// <summary>True sets <see cref="AgentProfile.AllowedTools"/> to null (every tool); wins over <see cref="AllowedTools"/>.</summary>
    public bool AllowAllTools { get; init; }

    /// <summary>New list of tools that need approval.</summary>
    public IReadOnlyList<string>? ToolsRequiringApproval { get; init; }

    /// <summary>New memory scope (empty resets it to the profile's own).</summary>
    public string? MemoryScope { get; init; }

    /// <summary>New avatar media id (empty removes the avatar).</summary>
    public string? AvatarMediaId { get; init; }

    /// <summary>New accent colour <c>#rrggbb</c> (empty removes it).</summary>
    public string? AccentColor { get; init; }

    /// <summary>New theme.</summary>
    public ProfileTheme? Theme { get; init; }
}
