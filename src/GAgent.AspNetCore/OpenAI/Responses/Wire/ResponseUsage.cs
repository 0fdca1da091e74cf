namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>Token usage of a response (ResponseUsage).</summary>
internal sealed record ResponseUsage(long InputTokens, ResponseInputTokensDetails InputTokensDetails, long OutputTokens, ResponseOutputTokensDetails OutputTokensDetails, long TotalTokens);
