using Microsoft.Extensions.Logging;

namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>Source-generated log messages of the Responses surface (event ids 1310-1329). Content is never logged.</summary>
internal static partial class ResponsesLog
{
    [LoggerMessage(1310, LogLevel.Error, "Response {ResponseId}: reading the events of run {RunId} failed; the response is recorded as failed.")]
    public static partial void RecordingFailed(this ILogger logger, string responseId, string runId, Exception exception);

    [LoggerMessage(1311, LogLevel.Error, "Response {ResponseId} could not be stored.")]
    public static partial void SaveFailed(this ILogger logger, string responseId, Exception exception);

    [LoggerMessage(1312, LogLevel.Debug, "Response {ResponseId} ended as {Status} (run {RunId}).")]
    public static partial void Recorded(this ILogger logger, string responseId, string status, string runId);
}
