namespace GAgent.Approvals;

/// <summary>The one listing rule every approval store applies: validate, filter, newest first (ids are time-ordered), page after an id.</summary>
internal static class ApprovalPaging
{
    public static void Validate(ApprovalQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > ApprovalQuery.MaxLimit)
        {
            throw new ArgumentException($"'limit' must be between 1 and {ApprovalQuery.MaxLimit}; got {query.Limit}.", nameof(query));
        }

        if (query.After is not null && !ApprovalIds.IsValidApprovalId(query.After))
        {
            throw new ArgumentException($"'after' must be the id of an approval ('apv_' and 32 hex characters); got '{query.After}'.", nameof(query));
        }
    }

    public static ApprovalPage Page(IEnumerable<ApprovalRecord> approvals, ApprovalQuery query)
    {
        // A plain loop: every run of a session lists its approvals, usually to find none.
        var matching = new List<ApprovalRecord>();
        foreach (var approval in approvals)
        {
            if (Matches(approval, query))
            {
                matching.Add(approval);
            }
        }

        matching.Sort(static (a, b) => string.CompareOrdinal(b.Id, a.Id));
        var more = matching.Count > query.Limit;
        if (more)
        {
            matching.RemoveRange(query.Limit, matching.Count - query.Limit);
        }

        return new ApprovalPage { Items = matching, NextAfter = more ? matching[^1].Id : null };
    }

    private static bool Matches(ApprovalRecord approval, ApprovalQuery query)
        => (query.Status is not { } status || approval.Status == status)
            && (query.SessionId is null || string.Equals(approval.SessionId, query.SessionId, StringComparison.Ordinal))
            && (query.RunId is null || string.Equals(approval.RunId, query.RunId, StringComparison.Ordinal))
            && (query.After is null || string.CompareOrdinal(approval.Id, query.After) < 0);

    public static void ValidateNew(ApprovalRecord approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ApprovalIds.ValidateApprovalId(approval.Id, nameof(approval));
        if (approval.Status != ApprovalStatus.Pending)
        {
            throw new ArgumentException("A new approval must be pending.", nameof(approval));
        }
    }

    public static void ValidateDecision(ApprovalDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Status == ApprovalStatus.Pending)
        {
            throw new ArgumentException("A decision moves an approval out of 'pending'; use approved, denied or expired.", nameof(decision));
        }
    }

    public static ApprovalRecord Apply(ApprovalRecord current, ApprovalDecision decision)
        => current.Status != ApprovalStatus.Pending
            ? throw new ApprovalAlreadyDecidedException(current)
            : current with
            {
                Status = decision.Status,
                Scope = decision.Status == ApprovalStatus.Approved ? decision.Scope ?? ApprovalScope.Once : null,
                Reason = decision.Reason,
                DecidedAt = decision.DecidedAt,
            };

    public static void ValidateGrant(ApprovalGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ApprovalIds.ValidateGrantId(grant.Id, nameof(grant));
        if (grant.Scope == ApprovalScope.Once || (grant.Scope == ApprovalScope.Session && grant.SessionId is null))
        {
            throw new ArgumentException("A grant has scope 'session' (with a session id) or 'always'.", nameof(grant));
        }
    }
}
