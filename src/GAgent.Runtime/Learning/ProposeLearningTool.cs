using System.ComponentModel;
using GAgent.Profiles;
using GAgent.Tools;
using Microsoft.Extensions.AI;

namespace GAgent.Learning;

/// <summary>
/// The built-in <c>propose_learning</c> tool: the agent proposes a skill, a memory entry or a change of its own profile
/// for a person to review. It only records a pending candidate (with the run's session and run); nothing is applied.
/// </summary>
internal static class ProposeLearningTool
{
    public const string Name = "propose_learning";

    /// <summary>The tool of one profile; the session and run of each call come from the call's <see cref="ToolRunContext"/>.</summary>
    public static AIFunction Create(LearningQueue queue, string profileId) => AIFunctionFactory.Create(
        async (
            AIFunctionArguments arguments,
            [Description("What to learn: 'skill' (a reusable procedure as a SKILL.md), 'memory' (a fact to remember) or 'profile' (a change of your own name, description, persona or tools).")] string kind,
            [Description("A short title for the reviewer, a few words.")] string title,
            [Description("Why you propose it: what you learned and when it will help.")] string reason,
            [Description("kind=skill: the skill id (letters, digits, '-' and '_').")] string? skillId = null,
            [Description("kind=skill: the whole SKILL.md text: a front matter block ('---', 'name: ...', 'description: ...', '---'), then the instructions in Markdown.")] string? content = null,
            [Description("kind=memory: the fact to remember, one short self-contained sentence.")] string? entry = null,
            [Description("kind=profile: your new display name.")] string? name = null,
            [Description("kind=profile: your new short description.")] string? description = null,
            [Description("kind=profile: your new persona (system prompt), in full.")] string? persona = null,
            [Description("kind=profile: the tools you should be allowed to use, by name.")] string[]? allowedTools = null,
            CancellationToken cancellationToken = default) =>
        {
            var caller = ToolRunContext.From(arguments);
            var draft = new LearningCandidate
            {
                Id = LearningIds.Prefix + "draft",
                Kind = ParseKind(kind),
                Title = title,
                Reason = reason,
                Source = new LearningSource { ProposedBy = LearningProposer.Agent, SessionId = caller?.SessionId, RunId = caller?.RunId },
            };
            draft = draft.Kind switch
            {
                LearningCandidateKind.Skill => draft with
                {
                    Skill = new SkillProposal
                    {
                        SkillId = Required(skillId, "skillId", "skill"),
                        Content = Required(content, "content", "skill"),
                    },
                },
                LearningCandidateKind.Memory => draft with { Memory = new MemoryProposal { ProfileId = profileId, Entry = Required(entry, "entry", "memory") } },
                _ => draft with
                {
                    Profile = new ProfileProposal
                    {
                        ProfileId = profileId,
                        Changes = new ProfilePatch { Name = name, Description = description, Persona = persona, AllowedTools = allowedTools },
                    },
                },
            };
            var stored = await queue.ProposeAsync(draft, cancellationToken).ConfigureAwait(false);
            return $"Proposed as {stored.Id}. A person will review it; nothing changes unless they approve and apply it.";
        },
        Name,
        "Proposes something for you to learn (a new or improved skill, a fact for your memory, or a change of your own profile). A person reviews every proposal; it takes effect only if they approve it. Use it for lasting, reusable lessons, not for this conversation's details.");

    private static LearningCandidateKind ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "skill" => LearningCandidateKind.Skill,
        "memory" => LearningCandidateKind.Memory,
        "profile" => LearningCandidateKind.Profile,
        _ => throw new ArgumentException($"'kind' must be 'skill', 'memory' or 'profile'; got '{kind}'.", nameof(kind)),
    };

    private static string Required(string? value, string parameter, string kind)
        => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"A '{kind}' proposal needs '{parameter}'.", parameter) : value;
}
