namespace GAgent.AspNetCore.Api.Wire;

/// <summary><c>GET/PUT /api/profiles/active</c>: the globally active profile; also the payload of <c>gagent.profile.active</c>.</summary>
internal sealed record ActiveProfileResponse(string ProfileId, ProfileResponse? Profile);
