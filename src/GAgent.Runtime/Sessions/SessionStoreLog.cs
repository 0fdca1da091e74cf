using Microsoft.Extensions.Logging;

namespace GAgent.Sessions;

/// <summary>Source-generated log messages of the session stores (event ids 1100-1199). Message content is never logged.</summary>
internal static partial class SessionStoreLog
{
    [LoggerMessage(1100, LogLevel.Warning, "Session {SessionId}: the sidecar records {RecordedLength} bytes but the file holds {ActualLength}; recounted {MessageCount} messages (the process probably stopped between an append and a flush).")]
    public static partial void SidecarReconciled(this ILogger logger, string sessionId, long recordedLength, long actualLength, long messageCount);

    [LoggerMessage(1101, LogLevel.Warning, "Session {SessionId}: no usable sidecar; recovered {MessageCount} messages from the session file (title, pin and profile are reset).")]
    public static partial void SessionRecovered(this ILogger logger, string sessionId, long messageCount);

    [LoggerMessage(1102, LogLevel.Warning, "Session {SessionId}: removed {ByteCount} bytes of an incomplete last line left by an interrupted write.")]
    public static partial void TornTailTruncated(this ILogger logger, string sessionId, long byteCount);

    [LoggerMessage(1103, LogLevel.Warning, "Session {SessionId}: skipped message {Index}, whose line is not a valid message record.")]
    public static partial void CorruptLineSkipped(this ILogger logger, string sessionId, long index, Exception exception);

    [LoggerMessage(1104, LogLevel.Warning, "Session file {FileName} could not be loaded and is ignored.")]
    public static partial void SessionFileUnreadable(this ILogger logger, string fileName, Exception? exception);

    [LoggerMessage(1105, LogLevel.Warning, "Session {SessionId}: the file ends before message {Index}; {MissingCount} messages of the page could not be located.")]
    public static partial void MessagesMissing(this ILogger logger, string sessionId, long index, long missingCount);

    [LoggerMessage(1106, LogLevel.Warning, "Session {SessionId}: the file is shorter than recorded ({ActualLength} < {RecordedLength} bytes); recounted {MessageCount} messages.")]
    public static partial void FileShrank(this ILogger logger, string sessionId, long recordedLength, long actualLength, long messageCount);

    [LoggerMessage(1107, LogLevel.Warning, "Session {SessionId}: the sidecar could not be deleted.")]
    public static partial void SidecarNotDeleted(this ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(1108, LogLevel.Warning, "Session {SessionId}: the sidecar could not be brought up to date while closing the store; the next start recounts the session's new lines.")]
    public static partial void SidecarNotWritten(this ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(1112, LogLevel.Information, "Session {SessionId}: the sidecar describes the first {RecordedLength} of {ActualLength} bytes; counted {AddedCount} messages after it (the store was not closed cleanly).")]
    public static partial void SidecarCompleted(this ILogger logger, string sessionId, long recordedLength, long actualLength, long addedCount);

    [LoggerMessage(1110, LogLevel.Debug, "Loaded {SessionCount} sessions from {Directory}.")]
    public static partial void SessionsLoaded(this ILogger logger, int sessionCount, string directory);

    [LoggerMessage(1111, LogLevel.Debug, "Session {SessionId}: appended {MessageCount} messages ({ByteCount} bytes).")]
    public static partial void MessagesAppended(this ILogger logger, string sessionId, int messageCount, int byteCount);
}
