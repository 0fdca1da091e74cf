namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>Token usage (CompletionUsage).</summary>
internal sealed record ChatCompletionUsage(long PromptTokens, long CompletionTokens, long TotalTokens);
