using System.ComponentModel;
using GAgent.Events;
using GAgent.Memory;
using GAgent.Skills;
using Microsoft.Extensions.AI;

namespace GAgent.Tools;

/// <summary>
/// The tools GAgent itself offers, bound to one run's profile: <c>remember</c> and <c>recall</c> over the profile's
/// memory scope (never another's), and <c>read_skill</c> over the enabled skills; <c>propose_learning</c> (see <see cref="GAgent.Learning.ProposeLearningTool"/>) records
/// learning candidates for review.
/// </summary>
internal static class BuiltInTools
{
    public const string Remember = "remember";
    public const string Recall = "recall";
    public const string ReadSkill = "read_skill";
    public const string ProposeLearning = GAgent.Learning.ProposeLearningTool.Name;
    private const int RecallLimit = 20;

    /// <summary>Every built-in tool name; a registered or client tool of the same name takes precedence.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>([Remember, Recall, ReadSkill, ProposeLearning], StringComparer.Ordinal);

    public static AIFunction CreateRemember(IMemoryStore memory, string profileId, string scope, int maxEntryChars, IGAgentEventBus bus, TimeProvider time) => AIFunctionFactory.Create(
        async ([Description("The fact to remember, as one short self-contained sentence.")] string entry, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                throw new ArgumentException("Give the fact to remember in 'entry'.", nameof(entry));
            }

            if (entry.Length > maxEntryChars)
            {
                throw new ArgumentException($"The entry is {entry.Length} characters long; remember at most {maxEntryChars} characters at once.", nameof(entry));
            }

            await memory.AppendAsync(scope, entry, cancellationToken).ConfigureAwait(false);
            MemoryNotifications.PublishUpdated(bus, time, profileId, scope);
            return "Remembered.";
        },
        Remember,
        "Saves a fact to your long-term memory (about the user, their preferences or decisions) so later conversations know it.");

    public static AIFunction CreateRecall(IMemoryStore memory, string scope) => AIFunctionFactory.Create(
        async ([Description("Words to look for in your memory.")] string query, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(query))
            {
                throw new ArgumentException("Give the words to look for in 'query'.", nameof(query));
            }

            var lines = await memory.SearchAsync(scope, query, RecallLimit, cancellationToken).ConfigureAwait(false);
            return lines.Count == 0 ? "Nothing in memory matches." : string.Join("\n", lines);
        },
        Recall,
        "Searches your long-term memory and returns the matching notes, newest first.");

    public static AIFunction CreateReadSkill(ISkillStore skills) => AIFunctionFactory.Create(
        async ([Description("The id of the skill, as listed under Skills in your instructions.")] string id, CancellationToken cancellationToken) =>
        {
            var skill = await skills.GetAsync(id ?? string.Empty, cancellationToken).ConfigureAwait(false);
            if (skill is not { Enabled: true })
            {
                var available = (await skills.ListAsync(cancellationToken).ConfigureAwait(false)).Where(static s => s.Enabled).Select(static s => s.Id);
                throw new ArgumentException($"There is no enabled skill '{id}'. Enabled skills: {string.Join(", ", available)}.", nameof(id));
            }

            return $"# {skill.Name}\n\n{skill.Body}";
        },
        ReadSkill,
        "Returns the full instructions of one of your skills.");
}
