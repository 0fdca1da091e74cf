namespace GAgent.AspNetCore.Api.Wire;

/// <summary>How many of each thing the gateway holds, in <c>GET /api/status</c>.</summary>
internal sealed record StatusCountsResponse(long Sessions, int Profiles, int Skills, int EnabledSkills);
