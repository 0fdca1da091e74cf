using System.Text;
using Microsoft.AspNetCore.Http;

namespace GAgent.AspNetCore.Http;

/// <summary>
/// Reads a text request body (Markdown documents such as memory and SKILL.md) with a byte cap: <c>text/markdown</c>
/// or <c>text/plain</c> as-is, or JSON <c>{"content": "..."}</c>. Invalid UTF-8 is refused rather than mangled.
/// </summary>
internal static class TextBody
{
    public static bool IsJson(HttpContext context)
        => context.Request.ContentType is { } type && (type.Split(';', 2)[0].Trim().EndsWith("json", StringComparison.OrdinalIgnoreCase));

    public static bool IsText(HttpContext context)
        => context.Request.ContentType is { } type && type.Split(';', 2)[0].Trim() is var media
            && (media.Equals("text/markdown", StringComparison.OrdinalIgnoreCase) || media.Equals("text/plain", StringComparison.OrdinalIgnoreCase) || media.Equals("text/x-markdown", StringComparison.OrdinalIgnoreCase));

    public static async Task<(string? Text, ErrorInfo? Error)> ReadAsync(HttpContext context, long maxBytes, string limitName)
    {
        var request = context.Request;
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes, limitName));
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, TooLarge(maxBytes, limitName));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes, limitName));
        }

        try
        {
            return (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, new ErrorInfo(400, "The request body is not valid UTF-8 text.", "invalid_request", "content"));
        }
    }

    private static ErrorInfo TooLarge(long maxBytes, string limitName)
        => new(413, $"The request body is larger than the limit of {maxBytes} bytes (GAgent:Limits:{limitName}).", "request_too_large");
}
