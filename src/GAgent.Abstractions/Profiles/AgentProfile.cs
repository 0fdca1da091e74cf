namespace GAgent.Profiles;

/// <summary>
/// A character the agent can be: its persona, the model it talks through, the tools it may use and the memory it
/// keeps. Every run uses exactly one profile; nothing of one profile (persona, memory, tool policy) reaches another.
/// </summary>
public sealed record AgentProfile
{
    /// <summary>The most characters of <see cref="Name"/>.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The most characters of <see cref="Description"/>.</summary>
    public const int MaxDescriptionLength = 1_000;

    /// <summary>The most characters of <see cref="Persona"/>.</summary>
    public const int MaxPersonaLength = 100_000;

    /// <summary>The most entries of <see cref="AllowedTools"/> and <see cref="ToolsRequiringApproval"/>.</summary>
    public const int MaxToolNames = 256;

    /// <summary>The built-in default profile: the configured instructions, the default model and every tool. Used until it is edited.</summary>
    public static AgentProfile BuiltInDefault { get; } = new()
    {
        Id = ProfileIds.Default,
        Name = "Default",
        Description = "The agent as configured: GAgent:Instructions as persona, the default model and every tool.",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>The profile id (see <see cref="ProfileIds"/>).</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Short description for lists.</summary>
    public string? Description { get; init; }

    /// <summary>The system prompt of this character; null uses <c>GAgent:Instructions</c>.</summary>
    public string? Persona { get; init; }

    /// <summary>The model this profile talks through; null uses the default model.</summary>
    public string? ModelId { get; init; }

    /// <summary>
    /// The server tools this profile may use, by name (the built-in <c>remember</c>, <c>recall</c> and <c>read_skill</c>
    /// included). Null allows every tool; an empty list allows none.
    /// </summary>
    public IReadOnlyList<string>? AllowedTools { get; init; }

    /// <summary>Tools whose calls need a person's approval before they run when this profile is used.</summary>
    public IReadOnlyList<string> ToolsRequiringApproval { get; init; } = [];

    /// <summary>
    /// The memory this profile reads and writes; null means its own (<see cref="Id"/>). Two profiles share memory
    /// only when one names the other's scope explicitly.
    /// </summary>
    public string? MemoryScope { get; init; }

    /// <summary>Avatar, accent colour and theme.</summary>
    public ProfileVisual Visual { get; init; } = new();

    /// <summary>When the profile was first stored.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the profile last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Increases with every stored change (0 for the unedited built-in default); used for optimistic concurrency.</summary>
    public long Version { get; init; }

    /// <summary>The memory scope actually used: <see cref="MemoryScope"/> or, when it is null, <see cref="Id"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string EffectiveMemoryScope => MemoryScope ?? Id;
}
