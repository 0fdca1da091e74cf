namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A skill as the control API shows it; <c>body</c> and <c>content</c> only in the detail view.</summary>
internal sealed record SkillResponse(string Id, string Name, string Description, bool Enabled, DateTimeOffset UpdatedAt, string? Body, string? Content);
