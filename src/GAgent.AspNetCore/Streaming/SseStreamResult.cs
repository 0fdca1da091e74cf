using System.IO.Pipelines;
using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// Streams a projection's items as Server-Sent Events: each batch the source hands over is projected item by item, in
/// a plain loop, straight into a reused buffer (no intermediate strings, no per-item iterator step) as whole events
/// framed as <see cref="SseFormatter"/> frames them. Events go to the server in batches: everything already framed
/// when the source has nothing more ready is handed over in ONE write that also flushes (or as soon as it reaches
/// <see cref="BatchLimit"/>). A client that keeps up gets each event the moment it exists; a stream that falls behind
/// (a burst from a fast model, a replay) costs one call into the connection's output, and its lock, per batch instead
/// of per event. Sets the headers proxies need to pass events through unbuffered, and writes a <c>: keepalive</c>
/// comment whenever the stream has been silent for <see cref="StreamingOptions.KeepAliveInterval"/>. A client that
/// goes away simply ends the stream.
/// </summary>
internal sealed class SseStreamResult<T>(ISseProjection<T> projection, Action<HttpContext>? onAborted = null) : IResult
{
    private static readonly ReadOnlyMemory<byte> KeepAliveComment = ": keepalive\n\n"u8.ToArray();

    /// <summary>Most bytes of events framed before they are sent while events keep arriving faster than they are sent.</summary>
    private const int BatchLimit = 8 * 1024;

    /// <summary>
    /// The batch buffer's size: the batch limit plus room for the item that crosses it, which includes the 4 KB a
    /// <see cref="System.Text.Json.Utf8JsonWriter"/> asks for whenever it needs space, so the buffer rarely grows.
    /// </summary>
    private const int BatchBufferSize = 2 * BatchLimit;

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
        using var events = new SseEventWriter(BatchBufferSize);
        // How much of the buffer is whole items: what a failure may still send, never half an item's events.
        var complete = 0;
        var batches = projection.ReadBatchesAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            projection.WriteStart(events);
            complete = events.WrittenCount;
            while (true)
            {
                var next = batches.MoveNextAsync();
                // Caught up: the events framed so far go out now, before waiting for the next batch.
                if (!next.IsCompleted && events.WrittenCount > 0 && !await SendAsync(output, events, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                complete = events.WrittenCount;
                // A batch that is already there (a fast model, a backlog replay) costs no task and no timer.
                var hasBatch = next.IsCompleted || interval <= TimeSpan.Zero
                    ? await next.ConfigureAwait(false)
                    : await WaitWithKeepAlivesAsync(next.AsTask(), output, interval, cancellationToken).ConfigureAwait(false);
                if (!hasBatch)
                {
                    projection.WriteEnd(events);
                    complete = events.WrittenCount;
                    if (events.WrittenCount > 0)
                    {
                        await SendAsync(output, events, cancellationToken).ConfigureAwait(false);
                    }

                    return;
                }

                var batch = batches.Current;
                for (var i = 0; i < batch.Length; i++)
                {
                    projection.Write(batch.Span[i], events);
                    complete = events.WrittenCount;
                    // A long backlog (a replay, a reader that fell behind) goes out in bounded pieces, under backpressure.
                    if (complete >= BatchLimit)
                    {
                        if (!await SendAsync(output, events, cancellationToken).ConfigureAwait(false))
                        {
                            return;
                        }

                        complete = 0;
                    }
                }
            }
        }
        catch (Exception) when (complete > 0 && !cancellationToken.IsCancellationRequested)
        {
            // The stream failed (a run's events expired under a slow reader, a replay that broke): the events framed
            // before the failure are the client's all the same, then the failure ends the response.
            events.Truncate(complete);
            await SendAsync(output, events, cancellationToken).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await batches.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Hands the framed events to the server in one write that also flushes, and empties the buffer; false when the
    /// client is gone (the token says so too, and the caller's catch reports it).
    /// </summary>
    private static async ValueTask<bool> SendAsync(PipeWriter output, SseEventWriter events, CancellationToken cancellationToken)
    {
        var flushed = await output.WriteAsync(events.WrittenMemory, cancellationToken).ConfigureAwait(false);
        events.Clear();
        if (flushed.IsCompleted || flushed.IsCanceled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }

        return true;
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
