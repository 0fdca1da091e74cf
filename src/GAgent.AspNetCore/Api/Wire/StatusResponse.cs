namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Runtime facts for the owner (<c>GET /api/status</c>).</summary>
internal sealed record StatusResponse(
    string Status,
    string Version,
    DateTimeOffset StartedAt,
    long UptimeSeconds,
    string DefaultModel,
    bool DemoMode,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> Tools,
    string SessionStore,
    string Access,
    string DataDirectory,
    int ActiveRuns,
    IReadOnlyList<StatusChannelResponse> Channels,
    IReadOnlyList<string> Providers,
    string ActiveProfileId,
    StatusCountsResponse Counts);
