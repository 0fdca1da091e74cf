namespace GAgent.Approvals;

/// <summary>A thread-safe <see cref="IApprovalStore"/> in memory, for tests and throwaway hosts: everything is lost when the process ends.</summary>
public sealed class InMemoryApprovalStore : IApprovalStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ApprovalRecord> _approvals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApprovalGrant> _grants = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask CreateAsync(ApprovalRecord approval, CancellationToken cancellationToken = default)
    {
        ApprovalPaging.ValidateNew(approval);
        lock (_gate)
        {
            if (!_approvals.TryAdd(approval.Id, approval))
            {
                throw new ArgumentException($"Approval '{approval.Id}' already exists.", nameof(approval));
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<ApprovalRecord?> GetAsync(string approvalId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(approvalId is null ? null : _approvals.GetValueOrDefault(approvalId));
        }
    }

    /// <inheritdoc />
    public ValueTask<ApprovalPage> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default)
    {
        ApprovalPaging.Validate(query);
        lock (_gate)
        {
            return ValueTask.FromResult(ApprovalPaging.Page(_approvals.Values, query));
        }
    }

    /// <inheritdoc />
    public ValueTask<ApprovalRecord> DecideAsync(string approvalId, ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        ApprovalPaging.ValidateDecision(decision);
        lock (_gate)
        {
            if (approvalId is null || !_approvals.TryGetValue(approvalId, out var current))
            {
                throw new ApprovalNotFoundException(approvalId ?? string.Empty);
            }

            var decided = ApprovalPaging.Apply(current, decision);
            _approvals[approvalId] = decided;
            return ValueTask.FromResult(decided);
        }
    }

    /// <inheritdoc />
    public ValueTask<ApprovalRecord?> SetContinuationAsync(string approvalId, string runId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (approvalId is null || !_approvals.TryGetValue(approvalId, out var current))
            {
                return ValueTask.FromResult<ApprovalRecord?>(null);
            }

            var updated = current with { ContinuationRunId = runId };
            _approvals[approvalId] = updated;
            return ValueTask.FromResult<ApprovalRecord?>(updated);
        }
    }

    /// <inheritdoc />
    public ValueTask AddGrantAsync(ApprovalGrant grant, CancellationToken cancellationToken = default)
    {
        ApprovalPaging.ValidateGrant(grant);
        lock (_gate)
        {
            _grants[grant.Id] = grant;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ApprovalGrant>> ListGrantsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<ApprovalGrant>>([.. _grants.Values.OrderByDescending(static g => g.Id, StringComparer.Ordinal)]);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveGrantAsync(string grantId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(grantId is not null && _grants.Remove(grantId));
        }
    }
}
