using System.Buffers;
using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// Streams items as Server-Sent Events with the framework's <see cref="SseFormatter"/>, each item serialized straight
/// into the output buffer by <paramref name="formatter"/> (no intermediate strings). Sets the headers proxies need to
/// pass events through unbuffered. A client that goes away simply ends the stream.
/// </summary>
internal sealed class SseStreamResult<T>(
    Func<CancellationToken, IAsyncEnumerable<SseItem<T>>> items,
    Action<SseItem<T>, IBufferWriter<byte>> formatter,
    Action<HttpContext>? onAborted = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var aborted = httpContext.RequestAborted;
        try
        {
            await response.StartAsync(aborted).ConfigureAwait(false);
            await SseFormatter.WriteAsync(items(aborted), response.Body, formatter, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            onAborted?.Invoke(httpContext);
        }
        catch (IOException) when (aborted.IsCancellationRequested)
        {
            onAborted?.Invoke(httpContext);
        }
    }
}
