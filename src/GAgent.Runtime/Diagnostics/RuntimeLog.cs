using Microsoft.Extensions.Logging;

namespace GAgent.Diagnostics;

/// <summary>Source-generated log messages of the agent runtime (event ids 1000-1099). Message content only at Trace.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(1000, LogLevel.Information, "Run {RunId} started in session {SessionId} on model {ModelId}.")]
    public static partial void RunStarted(ILogger logger, string runId, string sessionId, string modelId);

    [LoggerMessage(1001, LogLevel.Information, "Run {RunId} ended: {Status} after {ElapsedMs} ms, {InputTokens} input / {OutputTokens} output tokens.")]
    public static partial void RunEnded(ILogger logger, string runId, string status, long elapsedMs, long inputTokens, long outputTokens);

    [LoggerMessage(1002, LogLevel.Warning, "Run {RunId} failed: the model provider returned an error.")]
    public static partial void ProviderFailed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(1003, LogLevel.Error, "Run {RunId} failed unexpectedly.")]
    public static partial void RunFailed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(1004, LogLevel.Warning, "Tool {ToolName} failed.")]
    public static partial void ToolFailed(ILogger logger, string toolName, Exception exception);

    [LoggerMessage(1005, LogLevel.Warning, "Tool {ToolName} timed out after {Timeout}.")]
    public static partial void ToolTimedOut(ILogger logger, string toolName, TimeSpan timeout);

    [LoggerMessage(1006, LogLevel.Warning, "Run {RunId} reached the maximum of {MaxIterations} model calls; asking for a final answer without tools.")]
    public static partial void MaxIterationsReached(ILogger logger, string runId, int maxIterations);

    [LoggerMessage(1007, LogLevel.Trace, "Run {RunId} input: {Text}")]
    public static partial void RunInput(ILogger logger, string runId, string text);

    [LoggerMessage(1008, LogLevel.Warning, "Run {RunId} could not persist its final messages to session {SessionId}.")]
    public static partial void PersistFailed(ILogger logger, string runId, string sessionId, Exception exception);

    [LoggerMessage(1009, LogLevel.Warning, "GAgent is using the offline demo model: no AI provider is configured. Set OPENAI_API_KEY or the GAgent:OpenAI configuration section to use a real model.")]
    public static partial void UsingDemoModel(ILogger logger);

    [LoggerMessage(1010, LogLevel.Warning, "A subscriber of the GAgent event bus failed on notification {Name}; the others still received it.")]
    public static partial void NotificationHandlerFailed(ILogger logger, string name, Exception exception);
}
