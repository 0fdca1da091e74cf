namespace GAgent.AspNetCore.Api.Wire;

/// <summary><c>GET /api/profiles</c>: every profile (default first) and the active one's id.</summary>
internal sealed record ProfileListResponse(IReadOnlyList<ProfileResponse> Items, string ActiveProfileId);
