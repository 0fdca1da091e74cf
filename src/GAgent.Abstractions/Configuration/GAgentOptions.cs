using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GAgent.Configuration;

/// <summary>GAgent's runtime options, bound from the configuration section <c>GAgent</c> and validated at start.</summary>
public sealed class GAgentOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "GAgent";

    /// <summary>
    /// Where the embedded stores keep their files (sessions, and later media, profiles, memory). Null means
    /// <c>App_Data/gagent</c> under the host's content root.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>The model used when a request names none; null means the first registered model.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>The agent's system instructions, sent before every conversation.</summary>
    [MaxLength(100_000)]
    public string Instructions { get; set; } = "You are GAgent, a helpful assistant. Answer concisely and use the tools you have when they help.";

    /// <summary>Agent loop limits.</summary>
    [ValidateObjectMembers]
    public AgentLoopOptions Agent { get; set; } = new();

    /// <summary>Run registry behaviour.</summary>
    [ValidateObjectMembers]
    public RunOptions Runs { get; set; } = new();

    /// <summary>Options of each channel by channel name (<c>GAgent:Channels:{name}</c>); a channel without an entry is enabled and allows everyone.</summary>
    public IDictionary<string, GAgent.Channels.ChannelOptions> Channels { get; } = new Dictionary<string, GAgent.Channels.ChannelOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Which tools need the owner's approval.</summary>
    public ApprovalOptions Approvals { get; set; } = new();

    /// <summary>Restart backoff of failed channels.</summary>
    [ValidateObjectMembers]
    public ChannelRestartOptions ChannelRestart { get; set; } = new();

    /// <summary>Profile memory limits and the built-in memory tools.</summary>
    [ValidateObjectMembers]
    public MemoryOptions Memory { get; set; } = new();

    /// <summary>Skill limits.</summary>
    [ValidateObjectMembers]
    public SkillOptions Skills { get; set; } = new();

    /// <summary>The routine scheduler.</summary>
    [ValidateObjectMembers]
    public RoutineOptions Routines { get; set; } = new();

    /// <summary>The learning queue and the built-in <c>propose_learning</c> tool.</summary>
    [ValidateObjectMembers]
    public LearningOptions Learning { get; set; } = new();
}
