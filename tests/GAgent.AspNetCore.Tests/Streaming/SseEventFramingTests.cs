using System.Buffers;
using System.Net.ServerSentEvents;
using System.Text;
using GAgent.AspNetCore.Streaming;

namespace GAgent.AspNetCore.Tests.Streaming;

/// <summary>The one-write framing must produce exactly the bytes the framework's <see cref="SseFormatter"/> writes.</summary>
public sealed class SseEventFramingTests
{
    public static TheoryData<string?, string?, int?, string> Items => new()
    {
        { null, null, null, "{\"a\":1}" },
        { "response.output_text.delta", null, null, "{\"delta\":\"x\"}" },
        { null, "42", null, "{\"seq\":42}" },
        { "custom", "7", 2500, "{}" },
        { null, null, null, "first\nsecond\r\nthird\rfourth" },
        { null, null, null, "trailing\n" },
        { null, null, null, "" },
        { "ünïcode", "id-é", null, "{\"text\":\"héllo 👋\"}" },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public async Task Framing_matches_the_framework_formatter_byte_for_byte(string? eventType, string? eventId, int? retryMs, string payload)
    {
        var item = new SseItem<string>(payload, eventType) { EventId = eventId, ReconnectionInterval = retryMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null };
        static void Format(SseItem<string> i, IBufferWriter<byte> b) => b.Write(Encoding.UTF8.GetBytes(i.Data));

        using var expected = new MemoryStream();
        await SseFormatter.WriteAsync(Single(item), expected, Format);
        using var buffer = new PooledBufferWriter(16);
        SseEventFraming.Write(buffer, item, Format, new ArrayBufferWriter<byte>());

        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Consecutive_events_append_to_the_buffer()
    {
        static void Format(SseItem<string> i, IBufferWriter<byte> b) => b.Write(Encoding.UTF8.GetBytes(i.Data));
        using var buffer = new PooledBufferWriter(16);
        var scratch = new ArrayBufferWriter<byte>();

        SseEventFraming.Write(buffer, new SseItem<string>("one"), Format, scratch);
        SseEventFraming.Write(buffer, new SseItem<string>("two\nlines", "e"), Format, scratch);

        Assert.Equal("data: one\n\nevent: e\ndata: two\ndata: lines\n\n", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static async IAsyncEnumerable<SseItem<string>> Single(SseItem<string> item)
    {
        await Task.Yield();
        yield return item;
    }
}
