using Microsoft.Extensions.Logging;

namespace GAgent.Skills;

/// <summary>Source-generated log messages of the skill stores (event ids 1840-1859).</summary>
internal static partial class SkillStoreLog
{
    [LoggerMessage(1840, LogLevel.Debug, "Skill {SkillId} stored.")]
    public static partial void SkillSaved(this ILogger logger, string skillId);

    [LoggerMessage(1841, LogLevel.Debug, "Skill {SkillId} deleted.")]
    public static partial void SkillDeleted(this ILogger logger, string skillId);

    [LoggerMessage(1842, LogLevel.Warning, "The skill {SkillId} is left out: its SKILL.md is not valid ({Reason}).")]
    public static partial void SkillInvalid(this ILogger logger, string skillId, string reason);

    [LoggerMessage(1843, LogLevel.Warning, "The skill state file {FileName} could not be read; every skill is treated as enabled.")]
    public static partial void SkillStateUnreadable(this ILogger logger, string fileName, Exception exception);
}
