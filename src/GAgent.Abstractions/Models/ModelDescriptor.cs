namespace GAgent.Models;

/// <summary>A model the gateway serves, as listed by <c>/v1/models</c>.</summary>
public sealed record ModelDescriptor
{
    /// <summary>The id clients pass as <c>model</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Who provides it (e.g. <c>openai</c>, <c>gagent</c>).</summary>
    public string OwnedBy { get; init; } = "gagent";

    /// <summary>Short human-readable description.</summary>
    public string? Description { get; init; }

    /// <summary>When the model was registered with the gateway.</summary>
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>True for the offline demo model, so every surface can label it clearly.</summary>
    public bool IsDemo { get; init; }
}
