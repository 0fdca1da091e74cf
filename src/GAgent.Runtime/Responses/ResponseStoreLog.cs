using Microsoft.Extensions.Logging;

namespace GAgent.Responses;

/// <summary>Source-generated log messages of the response stores (event ids 1300-1309). Response content is never logged.</summary>
internal static partial class ResponseStoreLog
{
    [LoggerMessage(1300, LogLevel.Warning, "Stored response file {FileName} could not be read and is ignored.")]
    public static partial void ResponseFileUnreadable(this ILogger logger, string fileName, Exception exception);

    [LoggerMessage(1301, LogLevel.Debug, "Removed {Count} temporary response files left by interrupted writes.")]
    public static partial void TempFilesRemoved(this ILogger logger, int count);
}
