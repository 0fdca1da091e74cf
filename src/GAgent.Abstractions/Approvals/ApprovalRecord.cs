using System.Text.Json;

namespace GAgent.Approvals;

/// <summary>One tool call that needed the owner's approval, and what became of it.</summary>
public sealed record ApprovalRecord
{
    /// <summary>The approval id, <c>apv_</c> and 32 hex characters (see <see cref="ApprovalIds"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The run that paused for the approval.</summary>
    public required string RunId { get; init; }

    /// <summary>The session of that run.</summary>
    public required string SessionId { get; init; }

    /// <summary>The session's profile, when it has one.</summary>
    public string? ProfileId { get; init; }

    /// <summary>The model the paused run used; the continuation uses it too.</summary>
    public string? ModelId { get; init; }

    /// <summary>The tool the model wants to call.</summary>
    public required string ToolName { get; init; }

    /// <summary>The model's id for the tool call, answered by the call's result.</summary>
    public required string CallId { get; init; }

    /// <summary>The call's arguments as a JSON object.</summary>
    public JsonElement Arguments { get; init; }

    /// <summary>When the approval was requested.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Where the approval stands.</summary>
    public ApprovalStatus Status { get; init; }

    /// <summary>The scope of an approval (null unless approved).</summary>
    public ApprovalScope? Scope { get; init; }

    /// <summary>Why the call was denied or the approval expired, when known.</summary>
    public string? Reason { get; init; }

    /// <summary>When the approval was decided or expired.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The run that continued the paused run once all of its approvals were decided.</summary>
    public string? ContinuationRunId { get; init; }
}
