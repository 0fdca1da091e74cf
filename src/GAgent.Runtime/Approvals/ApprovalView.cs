using System.Text.Json;

namespace GAgent.Approvals;

/// <summary>An approval as the REST API returns it and as <c>gagent.approval.*</c> events carry it (camelCase, nulls omitted).</summary>
internal sealed record ApprovalView(
    string Id,
    string Status,
    string? Decision,
    string ToolName,
    JsonElement Arguments,
    string SessionId,
    string? ProfileId,
    string RunId,
    string CallId,
    DateTimeOffset CreatedAt,
    string? Scope,
    string? Reason,
    DateTimeOffset? DecidedAt,
    string? ContinuationRunId)
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;

    public static ApprovalView From(ApprovalRecord approval) => new(
        approval.Id,
        Name(approval.Status),
        approval.Status switch { ApprovalStatus.Approved => "approve", ApprovalStatus.Denied => "deny", _ => null },
        approval.ToolName,
        approval.Arguments.ValueKind == JsonValueKind.Undefined ? EmptyObject : approval.Arguments,
        approval.SessionId,
        approval.ProfileId,
        approval.RunId,
        approval.CallId,
        approval.CreatedAt,
        approval.Scope is { } scope ? Name(scope) : null,
        approval.Reason,
        approval.DecidedAt,
        approval.ContinuationRunId);

    public static string Name(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Pending => "pending",
        ApprovalStatus.Approved => "approved",
        ApprovalStatus.Denied => "denied",
        _ => "expired",
    };

    public static string Name(ApprovalScope scope) => scope switch
    {
        ApprovalScope.Once => "once",
        ApprovalScope.Session => "session",
        _ => "always",
    };

    public static bool TryParseStatus(string? value, out ApprovalStatus status)
    {
        foreach (var candidate in Enum.GetValues<ApprovalStatus>())
        {
            if (string.Equals(Name(candidate), value, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static bool TryParseScope(string? value, out ApprovalScope scope)
    {
        foreach (var candidate in Enum.GetValues<ApprovalScope>())
        {
            if (string.Equals(Name(candidate), value, StringComparison.Ordinal))
            {
                scope = candidate;
                return true;
            }
        }

        scope = default;
        return false;
    }
}
