namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>Breakdown of input tokens.</summary>
internal sealed record ResponseInputTokensDetails(long CachedTokens);
