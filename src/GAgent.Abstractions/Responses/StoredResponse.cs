using System.Text.Json;

namespace GAgent.Responses;

/// <summary>One stored response. The payloads are JSON in the wire shape of the surface that stored them, so any store can keep them as text.</summary>
public sealed record StoredResponse
{
    /// <summary>The response id (<c>resp_...</c>), see <see cref="ResponseIds"/>.</summary>
    public required string Id { get; init; }

    /// <summary>The response this one continues, if any.</summary>
    public string? PreviousResponseId { get; init; }

    /// <summary>The status as the wire names it (<c>in_progress</c>, <c>completed</c>, <c>incomplete</c>, <c>failed</c>, <c>cancelled</c>).</summary>
    public required string Status { get; init; }

    /// <summary>When the response was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The whole response object as returned to clients.</summary>
    public required JsonElement Response { get; init; }

    /// <summary>The request's input items in order (not those of earlier responses in the chain).</summary>
    public IReadOnlyList<ResponseItem> InputItems { get; init; } = [];

    /// <summary>The items the model produced, in order.</summary>
    public IReadOnlyList<ResponseItem> OutputItems { get; init; } = [];
}
