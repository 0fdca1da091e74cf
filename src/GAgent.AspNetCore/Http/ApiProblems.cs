using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GAgent.AspNetCore.Http;

/// <summary>Renders errors of the control API as RFC 9457 ProblemDetails with a stable <c>code</c> extension.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult From(ErrorInfo error, HttpContext? context = null)
    {
        if (error.RetryAfter is { } retry && context is not null)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Param is not null)
        {
            extensions["param"] = error.Param;
        }

        return TypedResults.Problem(detail: error.Message, statusCode: error.Status, title: Title(error.Status), extensions: extensions);
    }

    public static ProblemHttpResult BadRequest(string message, string? param = null) => From(new ErrorInfo(400, message, "invalid_request", param));

    public static ProblemHttpResult NotFound(string message, string code) => From(new ErrorInfo(404, message, code));

    private static string Title(int status) => status switch
    {
        400 => "The request is invalid.",
        401 => "Authentication is required.",
        403 => "Access is denied.",
        404 => "Not found.",
        409 => "Conflict.",
        410 => "Gone.",
        412 => "The precondition failed.",
        413 => "The request is too large.",
        415 => "Unsupported media type.",
        429 => "Too many requests.",
        502 => "The model provider failed.",
        _ => "The request failed.",
    };
}
