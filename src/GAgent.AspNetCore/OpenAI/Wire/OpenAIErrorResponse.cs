namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>OpenAI's error envelope <c>{"error":{...}}</c>.</summary>
internal sealed record OpenAIErrorResponse(OpenAIError Error);
