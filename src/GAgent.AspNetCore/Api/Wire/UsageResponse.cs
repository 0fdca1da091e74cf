namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Token counts.</summary>
internal sealed record UsageResponse(long InputTokens, long OutputTokens, long TotalTokens);
