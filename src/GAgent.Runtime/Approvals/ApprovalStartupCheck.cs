using GAgent.Agent;
using GAgent.Sessions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GAgent.Approvals;

/// <summary>
/// After a restart, a pending approval stays actionable only while its session still ends with the tool call it waits
/// on; otherwise it is marked expired with the reason, never silently dropped.
/// </summary>
internal sealed class ApprovalStartupCheck(ApprovalGate gate, ISessionStore sessions, ILogger<ApprovalStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        string? after = null;
        var pending = new List<ApprovalRecord>();
        do
        {
            var page = await gate.Store.ListAsync(new ApprovalQuery { Status = ApprovalStatus.Pending, Limit = ApprovalQuery.MaxLimit, After = after }, cancellationToken).ConfigureAwait(false);
            pending.AddRange(page.Items);
            after = page.NextAfter;
        }
        while (after is not null);

        var unansweredBySession = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var approval in pending)
        {
            if (approval.SessionId.StartsWith(RunIds.EphemeralSessionPrefix, StringComparison.Ordinal))
            {
                // A stateless request's approval has no history to continue; deciding it still creates grants.
                continue;
            }

            string? reason = null;
            if (await sessions.GetAsync(approval.SessionId, cancellationToken).ConfigureAwait(false) is null)
            {
                reason = "The session was deleted.";
            }
            else
            {
                if (!unansweredBySession.TryGetValue(approval.SessionId, out var unanswered))
                {
                    unanswered = await gate.UnansweredCallIdsAsync(approval.SessionId, cancellationToken).ConfigureAwait(false);
                    unansweredBySession[approval.SessionId] = unanswered;
                }

                if (!unanswered.Contains(approval.CallId))
                {
                    reason = "After a restart, the session no longer ends with the tool call this approval waits on.";
                }
            }

            if (reason is not null)
            {
                ApprovalStoreLog.ExpiredAtStartup(logger, approval.Id, reason);
                await gate.ExpireAsync(approval, reason, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
