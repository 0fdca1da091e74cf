namespace GAgent.Events;

/// <summary>Names of GAgent's own <see cref="CustomEvent"/>s.</summary>
public static class GAgentEventNames
{
    /// <summary>Token usage of one model call: <c>{"inputTokens","outputTokens","totalTokens"}</c>.</summary>
    public const string Usage = "gagent.usage";

    /// <summary>A tool call waits for approval.</summary>
    public const string ApprovalRequested = "gagent.approval.requested";

    /// <summary>An approval was granted or denied.</summary>
    public const string ApprovalResolved = "gagent.approval.resolved";

    /// <summary>A session's metadata changed (title, message count, pin).</summary>
    public const string SessionUpdated = "gagent.session.updated";
}
