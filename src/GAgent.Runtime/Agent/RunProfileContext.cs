using System.Collections.Concurrent;
using System.Text;
using GAgent.Configuration;
using GAgent.Events;
using GAgent.Memory;
using GAgent.Profiles;
using GAgent.Skills;
using GAgent.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace GAgent.Agent;

/// <summary>
/// What a run's profile contributes to its context: the system prompt (persona, run instructions, the profile's
/// memory, enabled skill summaries) and the tools it may use (registered tools filtered by the profile, plus the
/// built-in memory and skill tools bound to the profile's memory scope).
/// </summary>
internal sealed class RunProfileContext(
    IMemoryStore memory,
    ISkillStore skills,
    AgentToolbox toolbox,
    IGAgentEventBus bus,
    IOptionsMonitor<GAgentOptions> options,
    TimeProvider time,
    GAgent.Learning.LearningQueue learning)
{
    // The built-in tools depend only on what they are bound to (the run reaches propose_learning through the call's
    // ToolRunContext), so runs share them instead of building (reflecting over) new functions each time; there is one
    // entry per profile and memory scope in use.
    private readonly ConcurrentDictionary<(string ProfileId, string Scope, int MaxEntryChars), AIFunction> _remember = new();
    private readonly ConcurrentDictionary<string, AIFunction> _recall = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AIFunction> _proposeLearning = new(StringComparer.Ordinal);
    private AIFunction? _readSkill;

    /// <summary>Builds the run's tools (setting <see cref="AgentRun.Tools"/> and <see cref="AgentRun.OfferedTools"/>) and returns its system prompt, or null when there is none.</summary>
    public async Task<string?> PrepareAsync(AgentRun run, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var profile = run.Profile;
        var request = run.Request;
        var enabledSkills = (await skills.ListAsync(cancellationToken).ConfigureAwait(false)).Where(static s => s.Enabled).ToList();

        var tools = new Dictionary<string, AIFunction>(StringComparer.Ordinal);
        var offered = new List<AITool>();
        foreach (var tool in toolbox.All.OfType<AIFunction>())
        {
            if (IsAllowed(profile, tool.Name))
            {
                tools[tool.Name] = tool;
                offered.Add(tool);
            }
        }

        var scope = profile.EffectiveMemoryScope;
        if (current.Memory.Tools)
        {
            if (MayAdd(run, tools, BuiltInTools.Remember))
            {
                Add(tools, offered, _remember.GetOrAdd((profile.Id, scope, current.Memory.MaxEntryChars), static (key, s) => BuiltInTools.CreateRemember(s.memory, key.ProfileId, key.Scope, key.MaxEntryChars, s.bus, s.time), (memory, bus, time)));
            }

            if (MayAdd(run, tools, BuiltInTools.Recall))
            {
                Add(tools, offered, _recall.GetOrAdd(scope, static (key, store) => BuiltInTools.CreateRecall(store, key), memory));
            }
        }

        if (enabledSkills.Count > 0 && MayAdd(run, tools, BuiltInTools.ReadSkill))
        {
            Add(tools, offered, _readSkill ??= BuiltInTools.CreateReadSkill(skills));
        }

        if (current.Learning.Enabled && MayAdd(run, tools, BuiltInTools.ProposeLearning))
        {
            Add(tools, offered, _proposeLearning.GetOrAdd(profile.Id, static (id, queue) => GAgent.Learning.ProposeLearningTool.Create(queue, id), learning));
        }

        // Read a few times per run at most: freezing it would cost more than the lookups it speeds up.
        run.Tools = tools;
        run.OfferedTools = offered;

        // Most runs have one part (the persona or the configured instructions): joined as strings, not built.
        var prompt = Join(null, profile.Persona ?? current.Instructions);
        prompt = Join(prompt, request.Instructions);
        if (current.Memory.MaxContextChars > 0)
        {
            var document = await memory.GetAsync(scope, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(document.Content))
            {
                prompt = Join(prompt, "## Memory\nWhat you remember from earlier conversations:\n\n" + Tail(document.Content.Trim(), current.Memory.MaxContextChars));
            }
        }

        if (current.Skills.MaxContextChars > 0 && tools.ContainsKey(BuiltInTools.ReadSkill))
        {
            prompt = Join(prompt, SkillSummaries(enabledSkills, current.Skills.MaxContextChars));
        }

        return prompt;
    }

    /// <summary>Whether the built-in <paramref name="name"/> joins the run's tools: the profile allows it and no registered or client tool has its name.</summary>
    private static bool MayAdd(AgentRun run, Dictionary<string, AIFunction> tools, string name)
        => IsAllowed(run.Profile, name) && !tools.ContainsKey(name) && !run.ClientToolNames.Contains(name);

    private static void Add(Dictionary<string, AIFunction> tools, List<AITool> offered, AIFunction tool)
    {
        tools[tool.Name] = tool;
        offered.Add(tool);
    }

    private static bool IsAllowed(AgentProfile profile, string toolName)
        => profile.AllowedTools is not { } allowed || allowed.Contains(toolName, StringComparer.Ordinal);

    /// <summary>The prompt with <paramref name="part"/> added as a paragraph; blank parts add nothing.</summary>
    private static string? Join(string? prompt, string? part)
        => string.IsNullOrWhiteSpace(part) ? prompt : prompt is null ? part : string.Concat(prompt, "\n\n", part);

    /// <summary>The newest part of the memory that fits, cut at a line start, with a note that older notes were left out.</summary>
    private static string Tail(string content, int max)
    {
        if (content.Length <= max)
        {
            return content;
        }

        var tail = content[^max..];
        var newline = tail.IndexOf('\n', StringComparison.Ordinal);
        tail = newline >= 0 && newline < tail.Length - 1 ? tail[(newline + 1)..] : tail;
        return "(older notes left out; use recall to search them)\n" + tail;
    }

    private static string SkillSummaries(List<Skill> enabled, int max)
    {
        var text = new StringBuilder("## Skills\nCall read_skill with a skill's id to read its instructions before you use it.\n");
        var listed = 0;
        foreach (var skill in enabled)
        {
            var line = $"- {skill.Id}: {skill.Name}. {skill.Description.ReplaceLineEndings(" ")}\n";
            if (text.Length + line.Length > max)
            {
                break;
            }

            text.Append(line);
            listed++;
        }

        if (listed < enabled.Count)
        {
            text.Append("- (").Append(enabled.Count - listed).Append(" more skills not listed; read_skill reads them by id)\n");
        }

        return text.ToString().TrimEnd();
    }
}
