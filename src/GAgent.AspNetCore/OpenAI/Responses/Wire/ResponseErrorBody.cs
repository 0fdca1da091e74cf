namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>The <c>error</c> of a failed response (ResponseError).</summary>
internal sealed record ResponseErrorBody(string Code, string Message);
