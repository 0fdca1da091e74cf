namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Payload of deletion events (<c>gagent.profile.deleted</c>, <c>gagent.skill.deleted</c>).</summary>
internal sealed record IdPayload(string Id);
