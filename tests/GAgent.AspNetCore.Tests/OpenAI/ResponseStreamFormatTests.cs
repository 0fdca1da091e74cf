using System.Buffers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GAgent.AspNetCore.OpenAI.Responses;
using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.AspNetCore.Streaming;

namespace GAgent.AspNetCore.Tests.OpenAI;

public sealed class ResponseStreamFormatTests
{
    public static TheoryData<string> Deltas => new()
    {
        "Hello",
        "",
        "quote \" backslash \\ newline \n emoji 🙂 <tag>",
        "café 漢字 \u2028 \u007f",
    };

    [Theory]
    [MemberData(nameof(Deltas))]
    public void The_hand_written_text_delta_is_the_json_the_serializer_writes(string delta)
    {
        var e = TextDelta(7, "msg_1", 2, delta);
        using var stream = new ResponseStream(0, TimeProvider.System);
        var buffer = new ArrayBufferWriter<byte>();

        stream.Format(new SseItem<ResponseStreamEvent>(e, e.Type), buffer);

        var expected = JsonNode.Parse(JsonSerializer.Serialize(e, ResponsesJson.Context.ResponseStreamEvent));
        var actual = JsonNode.Parse(buffer.WrittenSpan);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}\nactual   {actual?.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Deltas))]
    public void Every_token_of_every_item_is_byte_for_byte_the_event_written_in_full(string delta)
    {
        // One stream, items and indexes changing between tokens, sequence numbers of every length.
        using var stream = new ResponseStream(0, TimeProvider.System);
        ResponseStreamEvent[] events =
        [
            TextDelta(1, "msg_a", 0, delta),
            TextDelta(22, "msg_a", 0, delta + "x"),
            TextDelta(333, "msg_b", 1, delta),
            TextDelta(4_444, "msg_b", 3, delta),
            TextDelta(long.MaxValue, "msg_\"quoted\"", 0, delta),
            TextDelta(5, "msg_a", 0, delta),
        ];

        foreach (var e in events)
        {
            var actual = new ArrayBufferWriter<byte>();
            stream.Format(new SseItem<ResponseStreamEvent>(e, e.Type), actual);

            Assert.Equal(InFull(e), Encoding.UTF8.GetString(actual.WrittenSpan));
        }
    }

    private static ResponseStreamEvent TextDelta(long sequence, string itemId, int outputIndex, string delta)
        => new() { Type = ResponseProjector.TextDeltaType, SequenceNumber = sequence, ItemId = itemId, OutputIndex = outputIndex, ContentIndex = 0, Delta = delta, Logprobs = [] };

    private static string InFull(ResponseStreamEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new PooledJsonWriter();
        var writer = json.Rent(buffer);
        ResponseStream.WriteTextDeltaInFull(writer, e);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
