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
        if (finished.Outcome == RunOutcome.Interrupt)
        {
            // The server tools waiting for approval are not the client's to run: the answer is the notice, complete.
            return "stop";
        }

        var reason = finished.FinishReason ?? ChatFinishReason.Stop;
        return reason == ChatFinishReason.ToolCalls ? "tool_calls"
            : reason == ChatFinishReason.Length ? "length"
            : reason == ChatFinishReason.ContentFilter ? "content_filter"
            : "stop";
    }

    /// <summary>
    /// The text that tells an OpenAI client why a run paused: server tools wait for the owner's approval, which these
    /// APIs cannot carry; the approvals stay pending in the control room. Null when the run did not pause.
    /// </summary>
    public static string? ApprovalNotice(RunFinishedEvent finished)
    {
        if (finished.Outcome != RunOutcome.Interrupt || finished.Interrupts.Count == 0)
        {
            return null;
        }

        var ids = string.Join(", ", finished.Interrupts.Select(static i => i.Id));
        return $"[GAgent] A tool call waits for the owner's approval ({ids}); it did not run. Approve or deny it in the GAgent control room (GET /api/approvals), then ask again.";
    }
}
