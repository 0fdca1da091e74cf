namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A run's state (<c>GET /api/runs/{id}</c>).</summary>
internal sealed record RunResponse(
    string Id,
    string SessionId,
    string Status,
    string ModelId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    long LastSequence,
    UsageResponse Usage,
    string? FinishReason,
    string? Error,
    string? ProfileId = null)
{
    public string EventsUrl => $"/api/runs/{Id}/events";
}
