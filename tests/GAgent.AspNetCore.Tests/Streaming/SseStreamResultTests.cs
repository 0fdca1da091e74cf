using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using GAgent.AspNetCore.Streaming;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Streaming;

/// <summary>How events reach the connection: waiting events go out together, and nothing waits behind a slow producer.</summary>
public sealed class SseStreamResultTests
{
    [Fact]
    public async Task Events_that_are_already_waiting_go_out_in_few_writes_with_the_framework_formatters_bytes()
    {
        var items = Enumerable.Range(0, 2_000).Select(i => new Item($"{{\"n\":{i}}}", i % 7 == 0 ? "tick" : null, i)).ToList();
        var body = new RecordingStream();

        await new SseStreamResult<Item>(new Projection(_ => Ready(items.Chunk(64)))).ExecuteAsync(Context(body));

        using var expected = new MemoryStream();
        var framework = items.Select(static i => new SseItem<string>(i.Data, i.Type) { EventId = i.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await SseFormatter.WriteAsync(framework.ToAsyncEnumerable(), expected, static (item, buffer) => buffer.Write(Encoding.UTF8.GetBytes(item.Data)));
        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(body.Written.ToArray()));
        // About 40 KB of events in batches of about 8 KB, which the body's pipe may cut into a few segment writes
        // each: far fewer writes than the 2,000 a write per event would make.
        Assert.InRange(body.Writes, 2, 50);
    }

    [Fact]
    public async Task An_event_goes_out_before_the_stream_waits_for_the_next()
    {
        var release = new TaskCompletionSource();
        var body = new RecordingStream();

        var streaming = new SseStreamResult<Item>(new Projection(ct => Gated(release.Task, ct))).ExecuteAsync(Context(body));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await body.WaitForAsync("data: first\n\n", timeout.Token);
        Assert.False(streaming.IsCompleted);
        release.SetResult();
        await streaming;
        Assert.Equal("data: first\n\ndata: second\n\n", Encoding.UTF8.GetString(body.Written.ToArray()));
    }

    [Fact]
    public async Task The_opening_events_go_out_before_the_first_item_and_the_closing_ones_after_the_last()
    {
        var release = new TaskCompletionSource();
        var body = new RecordingStream();
        var projection = new Projection(ct => Gated(release.Task, ct), start: "opening", end: "closing");

        var streaming = new SseStreamResult<Item>(projection).ExecuteAsync(Context(body));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await body.WaitForAsync("data: first\n\n", timeout.Token);
        release.SetResult();
        await streaming;
        Assert.Equal("data: opening\n\ndata: first\n\ndata: second\n\ndata: closing\n\n", Encoding.UTF8.GetString(body.Written.ToArray()));
    }

    [Fact]
    public async Task Events_framed_before_the_stream_fails_still_reach_the_client()
    {
        var body = new RecordingStream();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => new SseStreamResult<Item>(new Projection(_ => Failing())).ExecuteAsync(Context(body)));

        Assert.Equal("broken", failure.Message);
        Assert.Equal("data: one\n\ndata: two\n\n", Encoding.UTF8.GetString(body.Written.ToArray()));
    }

    [Fact]
    public async Task An_item_whose_projection_fails_halfway_is_not_sent_in_part()
    {
        var body = new RecordingStream();
        Item[] items = [new("one"), new("two"), new("bad"), new("never")];

        var failure = await Assert.ThrowsAsync<FormatException>(() => new SseStreamResult<Item>(new Projection(_ => Ready([items]))).ExecuteAsync(Context(body)));

        Assert.Equal("bad item", failure.Message);
        Assert.Equal("data: one\n\ndata: two\n\n", Encoding.UTF8.GetString(body.Written.ToArray()));
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<Item>> Failing()
    {
        await Task.CompletedTask;
        yield return new Item[] { new("one") };
        yield return new Item[] { new("two") };
        throw new InvalidOperationException("broken");
    }

    private static DefaultHttpContext Context(Stream body)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Response.Body = body;
        return context;
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<Item>> Ready(IEnumerable<Item[]> batches)
    {
        await Task.CompletedTask;
        foreach (var batch in batches)
        {
            yield return batch;
        }
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<Item>> Gated(Task gate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new Item[] { new("first") };
        await gate.WaitAsync(cancellationToken);
        yield return new Item[] { new("second") };
    }

    private sealed record Item(string Data, string? Type = null, long? Id = null);

    /// <summary>
    /// Each item becomes one event with its type, data and numeric id; an item whose data is "bad" fails after its
    /// event has begun, as a projection that breaks halfway would.
    /// </summary>
    private sealed class Projection(Func<CancellationToken, IAsyncEnumerable<ReadOnlyMemory<Item>>> batches, string? start = null, string? end = null) : ISseProjection<Item>
    {
        public IAsyncEnumerable<ReadOnlyMemory<Item>> ReadBatchesAsync(CancellationToken cancellationToken) => batches(cancellationToken);

        public void WriteStart(SseEventWriter events) => WriteText(events, start);

        public void Write(Item item, SseEventWriter events)
        {
            events.BeginEvent(item.Type).Write(Encoding.UTF8.GetBytes(item.Data));
            if (item.Data == "bad")
            {
                throw new FormatException("bad item");
            }

            events.EndEvent(item.Id);
        }

        public void WriteEnd(SseEventWriter events) => WriteText(events, end);

        private static void WriteText(SseEventWriter events, string? text)
        {
            if (text is not null)
            {
                events.BeginEvent().Write(Encoding.UTF8.GetBytes(text));
                events.EndEvent();
            }
        }
    }

    /// <summary>A response body that keeps what it was given and counts the writes that carried it.</summary>
    private sealed class RecordingStream : Stream
    {
        private readonly Lock _gate = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public MemoryStream Written { get; } = new();

        public int Writes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public async Task WaitForAsync(string text, CancellationToken cancellationToken)
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (Encoding.UTF8.GetString(Written.ToArray()).Contains(text, StringComparison.Ordinal))
                    {
                        return;
                    }

                    changed = _changed.Task;
                }

                await changed.WaitAsync(cancellationToken);
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                Written.Write(buffer);
                Writes++;
                changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.SetResult();
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
