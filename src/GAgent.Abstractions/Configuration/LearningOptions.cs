using System.ComponentModel.DataAnnotations;

namespace GAgent.Configuration;

/// <summary>The learning queue (<c>GAgent:Learning</c>).</summary>
public sealed class LearningOptions
{
    /// <summary>
    /// Offer the built-in <c>propose_learning</c> tool to the model (subject to each profile's allowed tools). The
    /// learning API works either way. Default true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most candidates that may wait for review at once; more proposals are refused until some are decided. Default 200.</summary>
    [Range(1, 100_000)]
    public int MaxPending { get; set; } = 200;
}
