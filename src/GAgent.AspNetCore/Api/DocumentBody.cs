using GAgent.AspNetCore.Api.Wire;
using GAgent.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GAgent.AspNetCore.Api;

/// <summary>
/// Reads a Markdown document sent to the control API, as <c>text/markdown</c> or <c>text/plain</c>, or as JSON
/// <c>{"content"}</c>, with the API's body cap; any other content type is 415. Shared by memory and skills.
/// </summary>
internal static class DocumentBody
{
    /// <param name="context">The request.</param>
    /// <param name="options">The server options (body cap).</param>
    /// <param name="what">What the document is, for error messages (e.g. "the memory").</param>
    public static async Task<(string? Content, ProblemHttpResult? Problem)> ReadAsync(HttpContext context, GAgentServerOptions options, string what)
    {
        if (TextBody.IsText(context))
        {
            var (text, error) = await TextBody.ReadAsync(context, options.Limits.MaxApiRequestBytes, nameof(HttpLimitsOptions.MaxApiRequestBytes)).ConfigureAwait(false);
            return error is null ? (text!, null) : (null, ApiProblems.From(error, context));
        }

        if (context.Request.ContentType is null || TextBody.IsJson(context))
        {
            var (body, error) = await SessionEndpoints.ReadAsync(context, ApiJson.Context.DocumentContentRequest, options).ConfigureAwait(false);
            if (error is not null)
            {
                return (null, ApiProblems.From(error, context));
            }

            return body!.Content is null
                ? (null, ApiProblems.BadRequest($"Send {what} as {{\"content\": \"...\"}} or as a text/markdown body.", "content"))
                : (body.Content, null);
        }

        return (null, ApiProblems.From(new ErrorInfo(415, $"Send {what} as text/markdown, text/plain or JSON {{\"content\"}}, not '{context.Request.ContentType}'.", "unsupported_media_type"), context));
    }
}
