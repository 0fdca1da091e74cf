namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>Breakdown of output tokens.</summary>
internal sealed record ResponseOutputTokensDetails(long ReasoningTokens);
