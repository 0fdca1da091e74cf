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
        using var formatter = new ResponseEventFormatter();
        using var events = new SseEventWriter(16);

        formatter.Write(e, events);

        var framed = Encoding.UTF8.GetString(events.WrittenMemory.Span);
        Assert.StartsWith("event: response.output_text.delta\ndata: ", framed, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", framed, StringComparison.Ordinal);
        var expected = JsonNode.Parse(JsonSerializer.Serialize(e, ResponsesJson.Context.ResponseStreamEvent));
        var actual = JsonNode.Parse(framed["event: response.output_text.delta\ndata: ".Length..^2]);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}\nactual   {actual?.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Deltas))]
    public void Every_token_of_every_item_is_byte_for_byte_the_event_written_in_full(string delta)
    {
        // One stream, items and indexes changing between tokens, sequence numbers of every length.
        using var formatter = new ResponseEventFormatter();
        using var actual = new SseEventWriter(16);
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
            actual.Clear();
            formatter.Write(e, actual);

            Assert.Equal(InFull(e), Encoding.UTF8.GetString(actual.WrittenMemory.Span));
        }
    }

    private static ResponseStreamEvent TextDelta(long sequence, string itemId, int outputIndex, string delta)
        => new() { Type = ResponseProjector.TextDeltaType, SequenceNumber = sequence, ItemId = itemId, OutputIndex = outputIndex, ContentIndex = 0, Delta = delta, Logprobs = [] };

    /// <summary>The event written in full and framed: what the per-token frame must reproduce.</summary>
    private static string InFull(ResponseStreamEvent e)
    {
        using var events = new SseEventWriter(16);
        using var json = new PooledJsonWriter();
        var writer = json.Rent(events.BeginEvent(e.Type));
        ResponseEventFormatter.WriteTextDeltaInFull(writer, e);
        writer.Flush();
        events.EndEvent();
        return Encoding.UTF8.GetString(events.WrittenMemory.Span);
    }
}
