using System.ComponentModel.DataAnnotations;

namespace GAgent.Configuration;

/// <summary>Run registry behaviour (<c>GAgent:Runs</c>).</summary>
public sealed class RunOptions
{
    /// <summary>What happens to a message sent while its session already has an active run.</summary>
    public ConcurrentRunPolicy ConcurrentRunPolicy { get; set; } = ConcurrentRunPolicy.Reject;

    /// <summary>Most events kept per run for late subscribers and resumption; older ones are dropped.</summary>
    [Range(16, 1_000_000)]
    public int EventBacklog { get; set; } = 4096;

    /// <summary>How long a finished run stays findable (status and event replay).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Most finished runs (of sessions) kept findable at once; beyond it the longest-finished go first, before their
    /// <see cref="Retention"/> ends. Each keeps its events (up to <see cref="EventBacklog"/>) for replay, so this bounds
    /// the memory a busy server spends on runs nobody may come back to. A dropped run's messages stay in its session.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxRetainedRuns { get; set; } = 10_000;

    /// <summary>Most runs active at once across all sessions; further starts are refused as busy.</summary>
    [Range(1, 100_000)]
    public int MaxActiveRuns { get; set; } = 64;
}
