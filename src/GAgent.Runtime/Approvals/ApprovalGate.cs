using System.Text.Json;
using GAgent.Events;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace GAgent.Approvals;

/// <summary>
/// The agent loop's side of approvals: which calls must wait, recording the approvals a paused run asks for, expiring
/// approvals a new message supersedes, and telling everyone when an approval is resolved.
/// </summary>
internal sealed class ApprovalGate(
    IApprovalStore store,
    IEnumerable<IToolApprovalPolicy> policies,
    ISessionStore sessions,
    IGAgentEventBus bus,
    TimeProvider time,
    ILogger<ApprovalGate> logger)
{
    /// <summary>How many of a session's newest messages are searched for the tool calls approvals wait on.</summary>
    public const int TailMessages = 100;

    private readonly IToolApprovalPolicy[] _policies = [.. policies];

    public IApprovalStore Store => store;

    /// <summary>True when calling <paramref name="tool"/> must wait for the owner: a policy asks for it and no standing grant covers it.</summary>
    public async Task<bool> MustWaitAsync(AIFunction tool, string sessionId, string? profileId, CancellationToken cancellationToken)
    {
        var request = new ToolApprovalRequest(tool, sessionId, profileId);
        var required = false;
        foreach (var policy in _policies)
        {
            if (await policy.RequiresApprovalAsync(request, cancellationToken).ConfigureAwait(false))
            {
                required = true;
                break;
            }
        }

        if (!required)
        {
            return false;
        }

        var grants = await store.ListGrantsAsync(cancellationToken).ConfigureAwait(false);
        return !grants.Any(g => g.Covers(tool.Name, sessionId, profileId));
    }

    /// <summary>Records a pending approval for <paramref name="call"/> of the paused run.</summary>
    public async Task<ApprovalRecord> RequestAsync(string runId, string sessionId, string? profileId, string modelId, FunctionCallContent call, string argumentsJson, CancellationToken cancellationToken)
    {
        using var arguments = JsonDocument.Parse(argumentsJson);
        var approval = new ApprovalRecord
        {
            Id = ApprovalIds.NewApprovalId(),
            RunId = runId,
            SessionId = sessionId,
            ProfileId = profileId,
            ModelId = modelId,
            ToolName = call.Name,
            CallId = call.CallId,
            Arguments = arguments.RootElement.Clone(),
            CreatedAt = time.GetUtcNow(),
            Status = ApprovalStatus.Pending,
        };
        await store.CreateAsync(approval, cancellationToken).ConfigureAwait(false);
        ApprovalStoreLog.ApprovalRequested(logger, runId, call.Name, approval.Id);
        return approval;
    }

    /// <summary>Expires every pending approval of the session (a new message moved the conversation on) and returns the approvals whose calls the session still has to answer.</summary>
    public async Task<List<ApprovalRecord>> ExpireSupersededAsync(string sessionId, CancellationToken cancellationToken)
    {
        var page = await store.ListAsync(new ApprovalQuery { SessionId = sessionId, Limit = ApprovalQuery.MaxLimit }, cancellationToken).ConfigureAwait(false);
        if (page.Items.Count == 0)
        {
            return [];
        }

        var unanswered = await UnansweredCallIdsAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var open = new List<ApprovalRecord>();
        foreach (var approval in page.Items)
        {
            var current = approval;
            if (current.Status == ApprovalStatus.Pending)
            {
                current = await ExpireAsync(current, "Superseded by a new message in the session.", cancellationToken).ConfigureAwait(false) ?? current;
            }

            if (unanswered.Contains(current.CallId))
            {
                open.Add(current);
            }
        }

        open.Reverse();
        return open;
    }

    /// <summary>Marks a pending approval expired and announces it; null when someone decided it first.</summary>
    public async Task<ApprovalRecord?> ExpireAsync(ApprovalRecord approval, string reason, CancellationToken cancellationToken)
    {
        try
        {
            var expired = await store.DecideAsync(approval.Id, new ApprovalDecision { Status = ApprovalStatus.Expired, Reason = reason, DecidedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            PublishResolved(expired);
            return expired;
        }
        catch (ApprovalAlreadyDecidedException ex)
        {
            return ex.Current;
        }
    }

    /// <summary>Announces a decided or expired approval on the event bus, to clients following its session.</summary>
    public void PublishResolved(ApprovalRecord approval)
    {
        ApprovalStoreLog.ApprovalResolved(logger, approval.Id, ApprovalView.Name(approval.Status));
        bus.Publish(new GAgentNotification
        {
            Name = GAgentEventNames.ApprovalResolved,
            Value = ToJson(approval),
            SessionId = approval.SessionId,
            Timestamp = time.GetUtcNow(),
        });
    }

    public static JsonElement ToJson(ApprovalRecord approval)
        => JsonSerializer.SerializeToElement(ApprovalView.From(approval), ApprovalJsonContext.Default.ApprovalView);

    /// <summary>The ids of tool calls among the session's newest messages that no later message answers.</summary>
    public async Task<HashSet<string>> UnansweredCallIdsAsync(string sessionId, CancellationToken cancellationToken)
    {
        var unanswered = new HashSet<string>(StringComparer.Ordinal);
        MessagePage page;
        try
        {
            page = await sessions.ReadMessagesAsync(sessionId, new MessageQuery { Limit = TailMessages }, cancellationToken).ConfigureAwait(false);
        }
        catch (SessionNotFoundException)
        {
            return unanswered;
        }

        foreach (var message in page.Items)
        {
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case FunctionCallContent call:
                        unanswered.Add(call.CallId);
                        break;
                    case FunctionResultContent result:
                        unanswered.Remove(result.CallId);
                        break;
                }
            }
        }

        return unanswered;
    }
}
