namespace GAgent.Learning;

/// <summary>One profile member a profile change sets: its current and proposed value (null when unset).</summary>
internal sealed record LearningFieldChange(string Field, string? Before, string? After);
