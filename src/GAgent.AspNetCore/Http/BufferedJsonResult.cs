using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GAgent.AspNetCore.Streaming;
using Microsoft.AspNetCore.Http;

namespace GAgent.AspNetCore.Http;

/// <summary>
/// A JSON body sent whole, with its <c>Content-Length</c>: serialized at once into a pooled buffer, then written in
/// one call. <see cref="TypedResults.Json{TValue}(TValue, JsonTypeInfo{TValue}, string?, int?)"/> serializes
/// asynchronously into the response, which HTTP/1.1 then sends chunked; for a response that exists whole (a
/// non-streamed completion) that is extra work per request and an extra frame on the wire. The bytes of the JSON are
/// the same.
/// </summary>
internal sealed class BufferedJsonResult<T>(T value, JsonTypeInfo<T> typeInfo, int statusCode = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult
{
    private const int InitialCapacity = 4096;

    public int? StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using var buffer = new PooledBufferWriter(InitialCapacity);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(typeInfo.Options)))
        {
            GeneratedJson.Serialize(writer, value, typeInfo);
        }

        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        await response.BodyWriter.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>What the serializer itself would write with these options (escaping, indentation).</summary>
    private static JsonWriterOptions WriterOptions(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder,
        Indented = options.WriteIndented,
        IndentCharacter = options.IndentCharacter,
        IndentSize = options.IndentSize,
        NewLine = options.NewLine,
        SkipValidation = true,
    };
}
