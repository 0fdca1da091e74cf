namespace GAgent.Approvals;

/// <summary>A page request for <see cref="IApprovalStore.ListAsync"/>: newest first, filtered, after a cursor.</summary>
public sealed record ApprovalQuery
{
    /// <summary>The largest page size a store serves.</summary>
    public const int MaxLimit = 200;

    /// <summary>Only approvals with this status; null for all.</summary>
    public ApprovalStatus? Status { get; init; }

    /// <summary>Only approvals of this session; null for all.</summary>
    public string? SessionId { get; init; }

    /// <summary>Only approvals of this run; null for all.</summary>
    public string? RunId { get; init; }

    /// <summary>Page size, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>The id of the last approval of the previous page (<see cref="ApprovalPage.NextAfter"/>); null for the first page.</summary>
    public string? After { get; init; }
}
