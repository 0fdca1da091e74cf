using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace GAgent.AspNetCore.Http;

/// <summary>
/// Reads a JSON request body with a size cap and a nesting cap, without copying it: the body is parsed straight from
/// the request pipe. Every failure comes back as an <see cref="ErrorInfo"/> that says what is wrong.
/// </summary>
internal static class JsonBody
{
    /// <summary>The depth <see cref="JsonSerializerOptions.MaxDepth"/> 0 stands for.</summary>
    private const int DefaultMaxDepth = 64;

    private static readonly ConcurrentDictionary<(JsonTypeInfo TypeInfo, int MaxDepth), JsonTypeInfo> DepthVariants = new();

    /// <summary>
    /// Reads the body as <typeparamref name="T"/>. A <paramref name="fastReader"/>, when given, is tried first: it reads
    /// the shapes it knows faster than the serializer and returns null for anything else, which the serializer then
    /// reads (and reports the errors of).
    /// </summary>
    public static async Task<(T? Value, ErrorInfo? Error)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, long maxBytes, int maxDepth, string limitName, Func<ReadOnlySequence<byte>, int, T?>? fastReader = null)
        where T : class
    {
        var request = context.Request;
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            return (null, new ErrorInfo(415, $"The request body must be JSON (Content-Type: application/json), not '{contentType}'.", "unsupported_media_type"));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes, limitName));
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes + 1;
        }

        var reader = request.BodyReader;
        while (true)
        {
            ReadResult read;
            try
            {
                read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return (null, TooLarge(maxBytes, limitName));
            }

            var buffer = read.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return (null, TooLarge(maxBytes, limitName));
            }

            if (!read.IsCompleted)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            try
            {
                return fastReader?.Invoke(buffer, maxDepth) is { } value ? (value, null) : Parse(buffer, typeInfo, maxDepth);
            }
            finally
            {
                reader.AdvanceTo(buffer.End);
            }
        }
    }

    private static (T? Value, ErrorInfo? Error) Parse<T>(ReadOnlySequence<byte> buffer, JsonTypeInfo<T> typeInfo, int maxDepth)
        where T : class
    {
        if (buffer.IsEmpty)
        {
            return (null, new ErrorInfo(400, "The request body is empty; send a JSON object.", "invalid_json"));
        }

        try
        {
            T? value;
            if (buffer.IsSingleSegment)
            {
                // The span overload parses in one pass; the reader overload first skips over the whole value to scope
                // the reader to it, then parses: the same bytes read twice.
                value = JsonSerializer.Deserialize(buffer.FirstSpan, WithMaxDepth(typeInfo, maxDepth));
            }
            else
            {
                var json = new Utf8JsonReader(buffer, new JsonReaderOptions { MaxDepth = maxDepth });
                value = JsonSerializer.Deserialize(ref json, typeInfo);
            }

            return value is null
                ? (null, new ErrorInfo(400, "The request body must be a JSON object, not null.", "invalid_json"))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var detail = ex.Message.Split(" Path:", 2)[0];
            // A syntax error (the reader's, wrapped) is about the text, not a field: it says where in the text it is. A
            // value the field cannot take names the field.
            if (ex.InnerException is JsonException || ex.Path is not { Length: > 1 } path)
            {
                var at = ex.LineNumber is { } line && ex.BytePositionInLine is { } bytes ? $" (line {line + 1}, byte {bytes + 1})" : string.Empty;
                return (null, new ErrorInfo(400, $"The request body is not valid JSON{at}: {detail}", "invalid_json"));
            }

            return (null, new ErrorInfo(400, $"The request body is not valid JSON at '{path}': {detail}", "invalid_json", path.TrimStart('$', '.')));
        }
    }

    /// <summary>
    /// The type's metadata under options whose reader depth is <paramref name="maxDepth"/> (the span overload takes the
    /// depth from the options): the type's own when it already is, else a copy made once per type and depth.
    /// </summary>
    private static JsonTypeInfo<T> WithMaxDepth<T>(JsonTypeInfo<T> typeInfo, int maxDepth)
    {
        var depth = typeInfo.Options.MaxDepth == 0 ? DefaultMaxDepth : typeInfo.Options.MaxDepth;
        return depth == maxDepth
            ? typeInfo
            : (JsonTypeInfo<T>)DepthVariants.GetOrAdd((typeInfo, maxDepth), static key => new JsonSerializerOptions(key.TypeInfo.Options) { MaxDepth = key.MaxDepth }.GetTypeInfo(typeof(T)));
    }

    private static ErrorInfo TooLarge(long maxBytes, string limitName)
        => new(413, $"The request body is larger than the limit of {maxBytes} bytes (GAgent:Limits:{limitName}).", "request_too_large");

    private static bool IsJson(string contentType)
    {
        var span = contentType.AsSpan();
        var parameters = span.IndexOf(';');
        var mediaType = (parameters < 0 ? span : span[..parameters]).Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }
}
