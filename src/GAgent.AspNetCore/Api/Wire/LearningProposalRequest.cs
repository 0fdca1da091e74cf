namespace GAgent.AspNetCore.Api.Wire;

/// <summary>
/// Body of <c>POST /api/learning</c> (all members) and <c>PUT|PATCH /api/learning/{id}</c> (absent members stay; the
/// kind cannot change; <c>version</c> makes the edit conditional).
/// </summary>
internal sealed class LearningProposalRequest
{
    public string? Kind { get; set; }

    public string? Title { get; set; }

    public string? Reason { get; set; }

    public LearningSkillRequest? Skill { get; set; }

    public LearningMemoryRequest? Memory { get; set; }

    public LearningProfileRequest? Profile { get; set; }

    public long? Version { get; set; }
}
