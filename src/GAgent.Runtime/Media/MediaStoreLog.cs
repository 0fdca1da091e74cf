using Microsoft.Extensions.Logging;

namespace GAgent.Media;

/// <summary>Source-generated log messages of the media stores and signer (event ids 1600-1699). File contents are never logged.</summary>
internal static partial class MediaStoreLog
{
    [LoggerMessage(1600, LogLevel.Debug, "Media {MediaId} stored ({MediaType}, {Size} bytes).")]
    public static partial void MediaStored(this ILogger logger, string mediaId, string mediaType, long size);

    [LoggerMessage(1601, LogLevel.Warning, "Media sidecar {FileName} could not be read; the file is treated as missing.")]
    public static partial void SidecarUnreadable(this ILogger logger, string fileName, Exception exception);

    [LoggerMessage(1602, LogLevel.Warning, "A temporary upload file {FileName} could not be deleted.")]
    public static partial void TempFileNotDeleted(this ILogger logger, string fileName, Exception exception);

    [LoggerMessage(1603, LogLevel.Information, "Created the media signing key {KeyPath}.")]
    public static partial void SigningKeyCreated(this ILogger logger, string keyPath);
}
