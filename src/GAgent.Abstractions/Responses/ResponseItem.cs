using System.Text.Json;

namespace GAgent.Responses;

/// <summary>One input or output item of a response: its id (for paging) and its JSON.</summary>
public sealed record ResponseItem
{
    /// <summary>The item id, unique within its response.</summary>
    public required string Id { get; init; }

    /// <summary>The item as JSON, in the wire shape of the surface that stored it.</summary>
    public required JsonElement Item { get; init; }
}
