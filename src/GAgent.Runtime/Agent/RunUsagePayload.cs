namespace GAgent.Agent;

/// <summary>Value of the <c>gagent.usage</c> custom event.</summary>
internal sealed record RunUsagePayload(long InputTokens, long OutputTokens, long TotalTokens);
