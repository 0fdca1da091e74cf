using GAgent.Memory;
using GAgent.Profiles;
using GAgent.Skills;

namespace GAgent.Learning;

/// <summary>
/// The shape rules of every stored candidate (id, texts, one proposal matching the kind, target ids). Whether the
/// target accepts the proposal (a SKILL.md that parses, an existing profile, size caps of the target store) is checked
/// when it is proposed and again when it is applied.
/// </summary>
public static class LearningValidation
{
    /// <summary>The most characters of a proposed SKILL.md text or memory entry a store keeps.</summary>
    public const int MaxContentChars = 1024 * 1024;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the member that is wrong and how to fix it.</summary>
    public static void Validate(LearningCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        LearningIds.Validate(candidate.Id);
        if (string.IsNullOrWhiteSpace(candidate.Title))
        {
            throw Invalid("A learning candidate needs a 'title': a few words saying what would be learned.", "title");
        }

        CheckLength(candidate.Title, LearningCandidate.MaxTitleLength, "title");
        CheckLength(candidate.Reason, LearningCandidate.MaxTextLength, "reason");
        CheckLength(candidate.Note, LearningCandidate.MaxTextLength, "note");
        CheckLength(candidate.Error, LearningCandidate.MaxTextLength, "error");
        if (!Enum.IsDefined(candidate.Kind))
        {
            throw Invalid("'kind' must be skill, memory or profile.", "kind");
        }

        if (!Enum.IsDefined(candidate.Status))
        {
            throw Invalid("'status' must be pending, approved, rejected, applied or failed.", "status");
        }

        var source = candidate.Source ?? throw Invalid("'source' must be an object.", "source");
        if (source.SessionId is not null && !GAgent.Sessions.SessionIds.IsValid(source.SessionId))
        {
            throw Invalid($"'source.sessionId' ('{source.SessionId}') is not a valid session id.", "source.sessionId");
        }

        if (source.RunId is not null && !SafeIds.IsValid(source.RunId, 128))
        {
            throw Invalid($"'source.runId' ('{source.RunId}') is not a valid run id.", "source.runId");
        }

        var set = (candidate.Skill is null ? 0 : 1) + (candidate.Memory is null ? 0 : 1) + (candidate.Profile is null ? 0 : 1);
        switch (candidate.Kind)
        {
            case LearningCandidateKind.Skill when candidate.Skill is { } skill && set == 1:
                ValidateSkill(skill);
                break;
            case LearningCandidateKind.Memory when candidate.Memory is { } memory && set == 1:
                ValidateMemory(memory);
                break;
            case LearningCandidateKind.Profile when candidate.Profile is { } profile && set == 1:
                ValidateProfile(profile);
                break;
            default:
                var member = candidate.Kind.ToString().ToLowerInvariant();
                throw Invalid($"A '{member}' candidate needs the '{member}' proposal and no other.", member);
        }
    }

    private static void ValidateSkill(SkillProposal skill)
    {
        if (!SkillIds.IsValid(skill.SkillId))
        {
            throw Invalid(SkillIds.Describe(skill.SkillId), "skill.skillId");
        }

        if (string.IsNullOrWhiteSpace(skill.Content))
        {
            throw Invalid("'skill.content' must hold the whole SKILL.md text (front matter with name and description, then instructions).", "skill.content");
        }

        CheckLength(skill.Content, MaxContentChars, "skill.content");
    }

    private static void ValidateMemory(MemoryProposal memory)
    {
        if (!ProfileIds.IsValid(memory.ProfileId))
        {
            throw Invalid(ProfileIds.Describe(memory.ProfileId), "memory.profileId");
        }

        if (memory.Scope is not null && !MemoryScopes.IsValid(memory.Scope))
        {
            throw Invalid(MemoryScopes.Describe(memory.Scope), "memory.scope");
        }

        if (string.IsNullOrWhiteSpace(memory.Entry))
        {
            throw Invalid("'memory.entry' must hold the text to remember.", "memory.entry");
        }

        CheckLength(memory.Entry, MaxContentChars, "memory.entry");
    }

    private static void ValidateProfile(ProfileProposal profile)
    {
        if (!ProfileIds.IsValid(profile.ProfileId))
        {
            throw Invalid(ProfileIds.Describe(profile.ProfileId), "profile.profileId");
        }

        var changes = profile.Changes ?? throw Invalid("'profile.changes' must be an object with the members to change.", "profile.changes");
        var any = changes.Name is not null || changes.Description is not null || changes.Persona is not null || changes.ModelId is not null
            || changes.AllowedTools is not null || changes.AllowAllTools || changes.ToolsRequiringApproval is not null || changes.MemoryScope is not null
            || changes.AvatarMediaId is not null || changes.AccentColor is not null || changes.Theme is not null;
        if (!any)
        {
            throw Invalid("'profile.changes' changes nothing: set at least one member (name, description, persona, modelId, allowedTools, ...).", "profile.changes");
        }

        if (changes.Name is not null && string.IsNullOrWhiteSpace(changes.Name))
        {
            throw Invalid("'profile.changes.name' cannot be empty; leave it out to keep the name.", "profile.changes.name");
        }

        CheckLength(changes.Name, AgentProfile.MaxNameLength, "profile.changes.name");
        CheckLength(changes.Description, AgentProfile.MaxDescriptionLength, "profile.changes.description");
        CheckLength(changes.Persona, AgentProfile.MaxPersonaLength, "profile.changes.persona");
        CheckCount(changes.AllowedTools, "profile.changes.allowedTools");
        CheckCount(changes.ToolsRequiringApproval, "profile.changes.toolsRequiringApproval");
    }

    private static void CheckCount(IReadOnlyList<string>? names, string member)
    {
        if (names is { Count: > AgentProfile.MaxToolNames })
        {
            throw Invalid($"'{member}' lists {names.Count} tools; at most {AgentProfile.MaxToolNames} are allowed.", member);
        }
    }

    private static void CheckLength(string? value, int max, string member)
    {
        if (value is { Length: > 0 } && value.Length > max)
        {
            throw Invalid($"'{member}' is {value.Length} characters long; at most {max} are allowed.", member);
        }
    }

    private static ArgumentException Invalid(string message, string member) => new(message, member);
}
