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
        var matching = approvals
            .Where(a => query.Status is not { } status || a.Status == status)
            .Where(a => query.SessionId is null || string.Equals(a.SessionId, query.SessionId, StringComparison.Ordinal))
            .Where(a => query.RunId is null || string.Equals(a.RunId, query.RunId, StringComparison.Ordinal))
            .Where(a => query.After is null || string.CompareOrdinal(a.Id, query.After) < 0)
            .OrderByDescending(static a => a.Id, StringComparer.Ordinal)
            .Take(query.Limit + 1)
            .ToList();
        var more = matching.Count > query.Limit;
        if (more)
        {
            matching.RemoveAt(matching.Count - 1);
        }

        return new ApprovalPage { Items = matching, NextAfter = more ? matching[^1].Id : null };
    }

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
