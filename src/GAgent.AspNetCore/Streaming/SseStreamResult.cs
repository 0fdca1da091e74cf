using System.Buffers;
using System.IO.Pipelines;
using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// Streams items as Server-Sent Events, each item serialized straight into a reused buffer by
/// <paramref name="formatter"/> (no intermediate strings), framed as <see cref="SseFormatter"/> frames it, and handed
/// to the server in ONE write that also flushes: one call per event into the connection's output instead of a write
/// and a flush, which is what the streaming hot path costs. Sets the headers proxies need to pass events through
/// unbuffered, and writes a <c>: keepalive</c> comment whenever the stream has been silent for
/// <see cref="StreamingOptions.KeepAliveInterval"/>. A client that goes away simply ends the stream.
/// </summary>
internal sealed class SseStreamResult<T>(
    Func<CancellationToken, IAsyncEnumerable<SseItem<T>>> items,
    Action<SseItem<T>, IBufferWriter<byte>> formatter,
    Action<HttpContext>? onAborted = null) : IResult
{
    private static readonly ReadOnlyMemory<byte> KeepAliveComment = ": keepalive\n\n"u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var interval = httpContext.RequestServices.GetService<IOptions<GAgentServerOptions>>()?.Value.Streaming.KeepAliveInterval ?? TimeSpan.Zero;
        var aborted = httpContext.RequestAborted;
        try
        {
            await response.StartAsync(aborted).ConfigureAwait(false);
            await WriteEventsAsync(response.BodyWriter, interval, aborted).ConfigureAwait(false);
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

    private async Task WriteEventsAsync(PipeWriter output, TimeSpan interval, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        var scratch = new ArrayBufferWriter<byte>();
        var enumerator = items(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                var next = enumerator.MoveNextAsync();
                // An item that is already there (a fast model, a backlog replay) costs no task and no timer.
                var hasItem = next.IsCompleted || interval <= TimeSpan.Zero
                    ? await next.ConfigureAwait(false)
                    : await WaitWithKeepAlivesAsync(next.AsTask(), output, interval, cancellationToken).ConfigureAwait(false);
                if (!hasItem)
                {
                    return;
                }

                buffer.ResetWrittenCount();
                SseEventFraming.Write(buffer, enumerator.Current, formatter, scratch);
                var flushed = await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    // The client is gone; the token says so too, and the catch above reports it.
                    cancellationToken.ThrowIfCancellationRequested();
                    return;
                }
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits for the next item and, each time the interval passes first, writes a comment. Comments are written only
    /// between two complete events, so one can never land inside an event and no lock is needed.
    /// </summary>
    private static async Task<bool> WaitWithKeepAlivesAsync(Task<bool> pending, PipeWriter output, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!pending.IsCompleted)
        {
            // WaitAsync disposes its timer as soon as the item arrives, so busy streams leave no timers behind.
            await ((Task)pending).WaitAsync(interval, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (pending.IsCompleted || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            await output.WriteAsync(KeepAliveComment, cancellationToken).ConfigureAwait(false);
        }

        return await pending.ConfigureAwait(false);
    }
}
