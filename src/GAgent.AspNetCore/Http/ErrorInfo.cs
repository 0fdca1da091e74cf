namespace GAgent.AspNetCore.Http;

/// <summary>One error, surface-neutral: each surface renders it (OpenAI envelope or ProblemDetails).</summary>
internal sealed record ErrorInfo(int Status, string Message, string Code, string? Param = null, TimeSpan? RetryAfter = null)
{
    /// <summary>OpenAI's error <c>type</c> for the status.</summary>
    public string OpenAIType => Status switch
    {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "invalid_request_error",
        409 => "conflict_error",
        413 => "invalid_request_error",
        415 => "invalid_request_error",
        429 => "rate_limit_error",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };
}
