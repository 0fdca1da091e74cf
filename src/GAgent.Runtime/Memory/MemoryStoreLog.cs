using Microsoft.Extensions.Logging;

namespace GAgent.Memory;

/// <summary>Source-generated log messages of the memory stores and tools (event ids 1820-1839). Memory text is never logged.</summary>
internal static partial class MemoryStoreLog
{
    [LoggerMessage(1820, LogLevel.Debug, "Memory {Scope} written ({Length} characters).")]
    public static partial void MemoryWritten(this ILogger logger, string scope, int length);
}
