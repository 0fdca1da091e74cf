namespace GAgent.AspNetCore.Api.Wire;

/// <summary>JSON body of <c>PUT /api/skills/{id}</c> (the SKILL.md text can also be sent as <c>text/markdown</c>).</summary>
internal sealed class SkillContentRequest
{
    public string? Content { get; set; }
}
