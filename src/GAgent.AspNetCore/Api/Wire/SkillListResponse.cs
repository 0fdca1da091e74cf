namespace GAgent.AspNetCore.Api.Wire;

/// <summary><c>GET /api/skills</c>.</summary>
internal sealed record SkillListResponse(IReadOnlyList<SkillResponse> Items);
