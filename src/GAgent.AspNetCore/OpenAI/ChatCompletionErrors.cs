using GAgent.AspNetCore.Http;
using GAgent.Events;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.OpenAI;

/// <summary>How run outcomes read in OpenAI terms: finish reasons and the error a failed run becomes.</summary>
internal static class ChatCompletionErrors
{
    public static ErrorInfo FromRunError(RunErrorEvent error) => error.Code switch
    {
        RunErrorCodes.ProviderError => new ErrorInfo(502, error.Message, error.Code),
        RunErrorCodes.Cancelled => new ErrorInfo(499, error.Message, error.Code),
        _ => new ErrorInfo(500, error.Message, error.Code),
    };

    public static string FinishReason(RunFinishedEvent finished)
    {
        var reason = finished.FinishReason ?? ChatFinishReason.Stop;
        return reason == ChatFinishReason.ToolCalls ? "tool_calls"
            : reason == ChatFinishReason.Length ? "length"
            : reason == ChatFinishReason.ContentFilter ? "content_filter"
            : "stop";
    }
}
