namespace GAgent.AspNetCore.Api.Wire;

/// <summary>The <c>skill</c> proposal of a learning request.</summary>
internal sealed class LearningSkillRequest
{
    public string? SkillId { get; set; }

    public string? Content { get; set; }
}
