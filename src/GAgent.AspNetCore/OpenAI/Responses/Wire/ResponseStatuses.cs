namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>The <c>status</c> values of a response and of its output items.</summary>
internal static class ResponseStatuses
{
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Incomplete = "incomplete";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
