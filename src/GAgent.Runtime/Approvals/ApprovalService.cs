using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.Extensions.Logging;

namespace GAgent.Approvals;

/// <summary>
/// The owner's side of approvals: decide one (exactly once), keep standing grants, and start the run that continues a
/// paused run once every approval it waits on is decided.
/// </summary>
internal sealed class ApprovalService(
    ApprovalGate gate,
    IAgentRunner runner,
    ISessionStore sessions,
    TimeProvider time,
    ILogger<ApprovalService> logger) : IDisposable
{
    // Decisions are rare and short: one at a time makes "the last decision of a run starts its continuation" race-free.
    private readonly SemaphoreSlim _deciding = new(1, 1);

    /// <summary>Approves (<paramref name="approve"/>) or denies an approval.</summary>
    /// <returns>The decided approval; <see cref="ApprovalRecord.ContinuationRunId"/> names the run that continues, when this decision started it.</returns>
    /// <exception cref="ApprovalNotFoundException">The id is unknown.</exception>
    /// <exception cref="ApprovalAlreadyDecidedException">The approval was already decided or expired.</exception>
    public async Task<ApprovalRecord> DecideAsync(string approvalId, bool approve, ApprovalScope scope, string? reason, CancellationToken cancellationToken)
    {
        var store = gate.Store;
        await _deciding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            var decided = await store.DecideAsync(
                approvalId,
                new ApprovalDecision { Status = approve ? ApprovalStatus.Approved : ApprovalStatus.Denied, Scope = approve ? scope : null, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), DecidedAt = now },
                CancellationToken.None).ConfigureAwait(false);
            if (approve && scope != ApprovalScope.Once)
            {
                await store.AddGrantAsync(
                    new ApprovalGrant
                    {
                        Id = ApprovalIds.NewGrantId(),
                        ToolName = decided.ToolName,
                        Scope = scope,
                        SessionId = scope == ApprovalScope.Session ? decided.SessionId : null,
                        ProfileId = scope == ApprovalScope.Always ? decided.ProfileId : null,
                        ApprovalId = decided.Id,
                        CreatedAt = now,
                    },
                    CancellationToken.None).ConfigureAwait(false);
            }

            gate.PublishResolved(decided);
            return await ContinueAsync(decided).ConfigureAwait(false) ?? decided;
        }
        finally
        {
            _deciding.Release();
        }
    }

    public void Dispose() => _deciding.Dispose();

    /// <summary>Starts the continuation when <paramref name="decided"/> was the last open approval of its run.</summary>
    private async Task<ApprovalRecord?> ContinueAsync(ApprovalRecord decided)
    {
        var siblings = (await gate.Store.ListAsync(new ApprovalQuery { RunId = decided.RunId, Limit = ApprovalQuery.MaxLimit }, CancellationToken.None).ConfigureAwait(false)).Items;
        if (siblings.Any(static a => a.Status == ApprovalStatus.Pending) || siblings.Any(static a => a.ContinuationRunId is not null))
        {
            return null;
        }

        if (await sessions.GetAsync(decided.SessionId, CancellationToken.None).ConfigureAwait(false) is null)
        {
            // An ephemeral run (a stateless OpenAI request) or a deleted session: nothing to continue; the decision
            // (and any grant it made) stands.
            return null;
        }

        try
        {
            // A client that approves the moment it reads RUN_FINISHED may beat the paused run's last bookkeeping.
            if (runner.GetActiveRun(decided.SessionId) is { } active && active.Id == decided.RunId)
            {
                await active.Completion.ConfigureAwait(false);
            }

            var run = await runner.StartAsync(new AgentRunRequest { SessionId = decided.SessionId, Messages = [], ResumeFromRunId = decided.RunId, ModelId = decided.ModelId }, CancellationToken.None).ConfigureAwait(false);
            ApprovalRecord? updated = null;
            foreach (var sibling in siblings)
            {
                var withRun = await gate.Store.SetContinuationAsync(sibling.Id, run.Id, CancellationToken.None).ConfigureAwait(false);
                if (sibling.Id == decided.Id)
                {
                    updated = withRun;
                }
            }

            return updated;
        }
        catch (GAgentException ex)
        {
            // Busy session (reject policy), run cap, or a model that is gone: the decision stands; the session's next
            // message answers the waiting calls.
            ApprovalStoreLog.ContinuationFailed(logger, decided.Id, decided.SessionId, ex);
            return null;
        }
    }
}
