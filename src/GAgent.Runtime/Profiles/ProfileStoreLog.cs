using Microsoft.Extensions.Logging;

namespace GAgent.Profiles;

/// <summary>Source-generated log messages of the profile stores and profile resolution (event ids 1800-1819).</summary>
internal static partial class ProfileStoreLog
{
    [LoggerMessage(1800, LogLevel.Debug, "Profile {ProfileId} stored (version {Version}).")]
    public static partial void ProfileSaved(this ILogger logger, string profileId, long version);

    [LoggerMessage(1801, LogLevel.Debug, "Profile {ProfileId} deleted.")]
    public static partial void ProfileDeleted(this ILogger logger, string profileId);

    [LoggerMessage(1802, LogLevel.Warning, "The profile file {FileName} could not be read or is not valid; it is treated as missing.")]
    public static partial void ProfileFileUnreadable(this ILogger logger, string fileName, Exception? exception);
}
