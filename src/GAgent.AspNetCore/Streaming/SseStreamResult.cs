using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// Streams items as Server-Sent Events with the framework's <see cref="SseFormatter"/>, each item serialized straight
/// into the output buffer by <paramref name="formatter"/> (no intermediate strings). Sets the headers proxies need to
/// pass events through unbuffered, and writes a <c>: keepalive</c> comment whenever the stream has been silent for
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
            var source = items(aborted);
            if (interval > TimeSpan.Zero)
            {
                source = WithKeepAlives(source, response.Body, interval, aborted);
            }

            await SseFormatter.WriteAsync(source, response.Body, formatter, aborted).ConfigureAwait(false);
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

    /// <summary>
    /// Passes the items through and, while waiting for the next one, writes a comment each time the interval passes.
    /// The comment is written only while the formatter is waiting for this enumerator, that is between two events it
    /// has completely written, so a comment can never land inside an event and no lock is needed.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<T>> WithKeepAlives(IAsyncEnumerable<SseItem<T>> source, Stream body, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                var next = enumerator.MoveNextAsync();
                bool hasItem;
                if (next.IsCompleted)
                {
                    // The item is already there (a fast model, a backlog replay): no task, no timer.
                    hasItem = await next.ConfigureAwait(false);
                }
                else
                {
                    var pending = next.AsTask();
                    while (!pending.IsCompleted)
                    {
                        // WaitAsync disposes its timer as soon as the item arrives, so busy streams leave no timers behind.
                        await ((Task)pending).WaitAsync(interval, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                        if (pending.IsCompleted || cancellationToken.IsCancellationRequested)
                        {
                            break;
                        }

                        await body.WriteAsync(KeepAliveComment, cancellationToken).ConfigureAwait(false);
                        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }

                    hasItem = await pending.ConfigureAwait(false);
                }

                if (!hasItem)
                {
                    yield break;
                }

                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
