using System.Text.Json;
using GAgent.Approvals;
using GAgent.AspNetCore.AgUi.Wire;
using GAgent.AspNetCore.Api;
using GAgent.AspNetCore.Http;
using GAgent.Runs;

namespace GAgent.AspNetCore.AgUi;

/// <summary>
/// <c>RunAgentInput.resume</c>: decides the approvals a paused run of the thread waits on and yields the run that
/// continues it, whose events are the response. Every pending approval of that run must be answered at once.
/// </summary>
internal static class AgUiResume
{
    public static (List<AgUiResumeDecision>? Decisions, ErrorInfo? Error) Parse(List<AgUiResumeEntry?> entries)
    {
        var decisions = new List<AgUiResumeDecision>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var path = $"resume[{i}]";
            if (entries[i] is not { } entry)
            {
                return (null, Bad(path, $"'{path}' must be an object with 'interruptId' and 'status'."));
            }

            if (!ApprovalIds.IsValidApprovalId(entry.InterruptId))
            {
                return (null, Bad($"{path}.interruptId", $"'{path}.interruptId' must be the id of an interrupt of RUN_FINISHED (an approval id, 'apv_' and 32 hex characters); got '{entry.InterruptId}'."));
            }

            if (decisions.Any(d => d.ApprovalId == entry.InterruptId))
            {
                return (null, Bad($"{path}.interruptId", $"'{path}' answers interrupt '{entry.InterruptId}' a second time; answer each interrupt once."));
            }

            switch (entry.Status)
            {
                case "cancelled":
                    decisions.Add(new AgUiResumeDecision(entry.InterruptId!, Approve: false, ApprovalScope.Once, "The user cancelled the tool call."));
                    break;
                case "resolved":
                    var (decision, error) = Payload(entry.InterruptId!, entry.Payload, $"{path}.payload");
                    if (error is not null)
                    {
                        return (null, error);
                    }

                    decisions.Add(decision!);
                    break;
                default:
                    return (null, Bad($"{path}.status", $"'{path}.status' must be 'resolved' (with a payload that decides) or 'cancelled' (a denial); got '{entry.Status}'."));
            }
        }

        return decisions.Count == 0 ? (null, Bad("resume", "'resume' is empty; answer the interrupts of the previous run, or leave 'resume' out.")) : (decisions, null);
    }

    /// <summary>Checks the approvals against the thread, decides them, and returns the continuation run.</summary>
    public static async Task<(IAgentRun? Run, ErrorInfo? Error)> DecideAsync(string threadId, List<AgUiResumeDecision> decisions, IApprovalStore store, ApprovalService service, IAgentRunner runner, CancellationToken cancellationToken)
    {
        var runs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < decisions.Count; i++)
        {
            var approval = await store.GetAsync(decisions[i].ApprovalId, cancellationToken).ConfigureAwait(false);
            if (approval is null || approval.SessionId != threadId)
            {
                return (null, new ErrorInfo(404, $"Interrupt '{decisions[i].ApprovalId}' is not an approval of thread '{threadId}'.", "approval_not_found", $"resume[{i}].interruptId"));
            }

            if (approval.Status != ApprovalStatus.Pending)
            {
                return (null, ErrorMapper.TryMap(new ApprovalAlreadyDecidedException(approval))! with { Param = $"resume[{i}].interruptId" });
            }

            runs.Add(approval.RunId);
        }

        foreach (var runId in runs)
        {
            var pending = await store.ListAsync(new ApprovalQuery { RunId = runId, Status = ApprovalStatus.Pending, Limit = ApprovalQuery.MaxLimit }, cancellationToken).ConfigureAwait(false);
            if (pending.Items.FirstOrDefault(p => !decisions.Any(d => d.ApprovalId == p.Id)) is { } missing)
            {
                return (null, new ErrorInfo(400, $"'resume' must answer every interrupt of run '{runId}'; '{missing.Id}' ({missing.ToolName}) is missing.", "invalid_request", "resume"));
            }
        }

        string? continuation = null;
        foreach (var decision in decisions)
        {
            try
            {
                var decided = await service.DecideAsync(decision.ApprovalId, decision.Approve, decision.Scope, decision.Reason, cancellationToken).ConfigureAwait(false);
                continuation ??= decided.ContinuationRunId;
            }
            catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
            {
                return (null, mapped);
            }
        }

        return continuation is not null && runner.GetRun(continuation) is { } run
            ? (run, null)
            : (null, new ErrorInfo(409, "The approvals were decided, but the thread's run could not continue (the thread is busy or the run limit is reached); send a new message to go on.", "session_busy"));
    }

    private static (AgUiResumeDecision? Decision, ErrorInfo? Error) Payload(string approvalId, JsonElement? payload, string path)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } value)
        {
            return (null, Bad(path, $"'{path}' must be an object: {{\"decision\": \"approve\" or \"deny\", \"scope\": \"once\", \"session\" or \"always\" (optional), \"reason\" (optional)}}."));
        }

        var decision = value.TryGetProperty("decision", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        if (decision is not ("approve" or "deny"))
        {
            return (null, Bad($"{path}.decision", $"'{path}.decision' must be 'approve' or 'deny'; got '{decision}'."));
        }

        var scope = ApprovalScope.Once;
        if (value.TryGetProperty("scope", out var s) && s.ValueKind != JsonValueKind.Null
            && (s.ValueKind != JsonValueKind.String || !ApprovalView.TryParseScope(s.GetString(), out scope)))
        {
            return (null, Bad($"{path}.scope", $"'{path}.scope' must be 'once', 'session' or 'always'."));
        }

        string? reason = null;
        if (value.TryGetProperty("reason", out var r) && r.ValueKind != JsonValueKind.Null)
        {
            reason = r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            if (reason is null || reason.Length > ApprovalEndpoints.MaxReasonLength)
            {
                return (null, Bad($"{path}.reason", $"'{path}.reason' must be a string of at most {ApprovalEndpoints.MaxReasonLength} characters."));
            }
        }

        return (new AgUiResumeDecision(approvalId, decision == "approve", scope, reason), null);
    }

    private static ErrorInfo Bad(string param, string message) => new(400, message, "invalid_request", param);
}
