namespace GAgent.Learning;

/// <summary>
/// What applying a candidate would change, computed against the current state: a unified diff of the target text
/// (SKILL.md, memory document, or the persona of a profile) and, for profiles, each changed member before and after.
/// </summary>
/// <param name="Target">What is changed: <c>skills/{id}/SKILL.md</c>, <c>memory/{scope}.md</c> or <c>profiles/{id}</c>.</param>
/// <param name="TargetExists">False when applying creates the target (a new skill) or cannot find it (a deleted profile).</param>
/// <param name="Diff">The unified diff; empty when nothing would change, null when the kind has no text to diff.</param>
/// <param name="Fields">For profile changes: every member the change sets, before and after.</param>
/// <param name="Problem">Why applying would fail right now (unknown profile, too large), or null.</param>
internal sealed record LearningPreview(string Target, bool TargetExists, string? Diff, IReadOnlyList<LearningFieldChange> Fields, string? Problem);
