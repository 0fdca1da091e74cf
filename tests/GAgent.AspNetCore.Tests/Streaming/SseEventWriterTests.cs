using System.Buffers;
using System.Net.ServerSentEvents;
using System.Text;
using GAgent.AspNetCore.Streaming;

namespace GAgent.AspNetCore.Tests.Streaming;

/// <summary>The one-write framing must produce exactly the bytes the framework's <see cref="SseFormatter"/> writes.</summary>
public sealed class SseEventWriterTests
{
    public static TheoryData<string?, long?, string> Items => new()
    {
        { null, null, "{\"a\":1}" },
        { "response.output_text.delta", null, "{\"delta\":\"x\"}" },
        { null, 42, "{\"seq\":42}" },
        { "custom", long.MaxValue, "{}" },
        { "message", 0, "{}" },
        { null, null, "first\nsecond\r\nthird\rfourth" },
        { null, null, "trailing\n" },
        { null, null, "" },
        { "ünïcode", 7, "{\"text\":\"héllo 👋\"}" },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public async Task Framing_matches_the_framework_formatter_byte_for_byte(string? eventType, long? id, string payload)
    {
        var item = new SseItem<string>(payload, eventType) { EventId = id?.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        using var expected = new MemoryStream();
        await SseFormatter.WriteAsync(Single(item), expected, static (i, b) => b.Write(Encoding.UTF8.GetBytes(i.Data)));
        using var events = new SseEventWriter(16);

        events.BeginEvent(eventType).Write(Encoding.UTF8.GetBytes(payload));
        events.EndEvent(id);

        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(events.WrittenMemory.Span));
    }

    [Fact]
    public void Consecutive_events_append_to_the_buffer()
    {
        using var events = new SseEventWriter(16);

        events.BeginEvent().Write("one"u8);
        events.EndEvent();
        events.BeginEvent("e").Write("two\nlines"u8);
        events.EndEvent(3);

        Assert.Equal("data: one\n\nevent: e\ndata: two\ndata: lines\nid: 3\n\n", Encoding.UTF8.GetString(events.WrittenMemory.Span));
    }

    [Fact]
    public void An_event_must_be_ended_before_the_next_begins_and_begun_before_it_ends()
    {
        using var events = new SseEventWriter(16);

        Assert.Throws<InvalidOperationException>(() => events.EndEvent());
        events.BeginEvent();
        Assert.Throws<InvalidOperationException>(() => events.BeginEvent());
    }

    [Fact]
    public void Truncating_drops_an_unfinished_event_and_the_writer_can_begin_again()
    {
        using var events = new SseEventWriter(16);
        events.BeginEvent().Write("kept"u8);
        events.EndEvent();
        var complete = events.WrittenCount;

        events.BeginEvent().Write("half"u8);
        events.Truncate(complete);
        events.BeginEvent().Write("next"u8);
        events.EndEvent();

        Assert.Equal("data: kept\n\ndata: next\n\n", Encoding.UTF8.GetString(events.WrittenMemory.Span));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("response.output_text.delta")]
    public void A_frame_around_a_payload_is_the_event_framed_with_the_middle_left_out(string? eventType)
    {
        var (head, tail) = SseEventWriter.FrameAround(eventType, "{\"text\":"u8, "}"u8);
        using var events = new SseEventWriter(16);
        events.BeginEvent(eventType).Write("{\"text\":\"x\"}"u8);
        events.EndEvent();

        Assert.Equal(Encoding.UTF8.GetString(events.WrittenMemory.Span), Encoding.UTF8.GetString([.. head, .. "\"x\""u8, .. tail]));
    }

    [Fact]
    public void A_frame_refuses_a_payload_with_a_line_break()
        => Assert.Throws<ArgumentException>(() => SseEventWriter.FrameAround(null, "{\n"u8, "}"u8));

    private static async IAsyncEnumerable<SseItem<string>> Single(SseItem<string> item)
    {
        await Task.Yield();
        yield return item;
    }
}
