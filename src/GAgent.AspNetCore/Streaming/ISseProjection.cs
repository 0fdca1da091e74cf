namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// What an <see cref="SseStreamResult{T}"/> streams: a source read in batches (a run's journal hands its events over
/// that way), and the Server-Sent Events each item becomes. The items of a batch are written in a plain loop, so a
/// token costs no step of an async iterator and no intermediate item; the result decides when the framed events go
/// out. Called by one reader at a time.
/// </summary>
internal interface ISseProjection<T>
{
    /// <summary>The items, in batches valid until the next one is asked for.</summary>
    IAsyncEnumerable<ReadOnlyMemory<T>> ReadBatchesAsync(CancellationToken cancellationToken);

    /// <summary>Writes the events that open the stream, before any item arrives (none unless the stream has some).</summary>
    void WriteStart(SseEventWriter events)
    {
    }

    /// <summary>Writes the events <paramref name="item"/> projects to: none, one or several.</summary>
    void Write(T item, SseEventWriter events);

    /// <summary>Writes the events that close the stream once the source has no more items (none unless the stream has some).</summary>
    void WriteEnd(SseEventWriter events)
    {
    }
}
