namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Body of <c>PATCH /api/skills/{id}</c>.</summary>
internal sealed class PatchSkillRequest
{
    public bool? Enabled { get; set; }
}
