using System.ComponentModel.DataAnnotations;

namespace GAgent.Configuration;

/// <summary>Limits of the agent loop (<c>GAgent:Agent</c>).</summary>
public sealed class AgentLoopOptions
{
    /// <summary>Most model calls in one run; when reached the model is asked once more without tools for a final answer.</summary>
    [Range(1, 100)]
    public int MaxIterations { get; set; } = 8;

    /// <summary>How long one tool call may run before it is cancelled and reported to the model as timed out.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many of the session's most recent stored messages are sent to the model as history.</summary>
    [Range(1, 10_000)]
    public int HistoryMessages { get; set; } = 100;

    /// <summary>Most bytes of an attached text document inlined into the model's context; longer ones are cut with a note. Default 32 KiB.</summary>
    [Range(256, 16 * 1024 * 1024)]
    public int MaxAttachmentTextBytes { get; set; } = 32 * 1024;
}
