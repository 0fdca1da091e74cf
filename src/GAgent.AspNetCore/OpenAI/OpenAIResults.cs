using System.Globalization;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.OpenAI.Wire;
using Microsoft.AspNetCore.Http;

namespace GAgent.AspNetCore.OpenAI;

/// <summary>Renders errors of the OpenAI-compatible surface in OpenAI's envelope.</summary>
internal static class OpenAIResults
{
    public static IResult Error(ErrorInfo error, HttpContext context)
    {
        if (error.RetryAfter is { } retry)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Json(ToEnvelope(error), OpenAIJson.Context.OpenAIErrorResponse, statusCode: error.Status);
    }

    public static OpenAIErrorResponse ToEnvelope(ErrorInfo error) => new(new OpenAIError(error.Message, error.OpenAIType, error.Param, error.Code));
}
