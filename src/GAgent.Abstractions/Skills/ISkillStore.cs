namespace GAgent.Skills;

/// <summary>
/// Skills: SKILL.md documents by id, each enabled or disabled. Implementations are thread-safe, parse with
/// <see cref="SkillMarkdown"/>, and pass the shared conformance suite.
/// </summary>
public interface ISkillStore
{
    /// <summary>The most characters a SKILL.md text may have.</summary>
    int MaxSkillChars { get; }

    /// <summary>Every skill, by id.</summary>
    ValueTask<IReadOnlyList<Skill>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a skill, or null when it does not exist (or the id is not valid).</summary>
    ValueTask<Skill?> GetAsync(string skillId, CancellationToken cancellationToken = default);

    /// <summary>Creates a skill (enabled) or replaces its SKILL.md text (keeping its enabled state).</summary>
    /// <exception cref="ArgumentException">The id is not valid.</exception>
    /// <exception cref="InvalidSkillException">The text is not a valid SKILL.md.</exception>
    /// <exception cref="SkillTooLargeException">The text is longer than <see cref="MaxSkillChars"/>.</exception>
    ValueTask<Skill> PutAsync(string skillId, string content, CancellationToken cancellationToken = default);

    /// <summary>Enables or disables a skill.</summary>
    /// <exception cref="SkillNotFoundException">The skill does not exist.</exception>
    ValueTask<Skill> SetEnabledAsync(string skillId, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Deletes a skill; returns false when it did not exist.</summary>
    ValueTask<bool> DeleteAsync(string skillId, CancellationToken cancellationToken = default);
}
