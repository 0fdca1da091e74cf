using System.Buffers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Nodes;
using GAgent.AspNetCore.OpenAI.Responses;
using GAgent.AspNetCore.OpenAI.Responses.Wire;

namespace GAgent.AspNetCore.Tests.OpenAI;

public sealed class ResponseStreamFormatTests
{
    [Theory]
    [InlineData("Hello")]
    [InlineData("quote \" backslash \\ newline \n emoji 🙂 <tag>")]
    public void The_hand_written_text_delta_is_the_json_the_serializer_writes(string delta)
    {
        var e = new ResponseStreamEvent { Type = ResponseProjector.TextDeltaType, SequenceNumber = 7, ItemId = "msg_1", OutputIndex = 2, ContentIndex = 0, Delta = delta, Logprobs = [] };
        using var stream = new ResponseStream(0, TimeProvider.System);
        var buffer = new ArrayBufferWriter<byte>();

        stream.Format(new SseItem<ResponseStreamEvent>(e, e.Type), buffer);

        var expected = JsonNode.Parse(JsonSerializer.Serialize(e, ResponsesJson.Context.ResponseStreamEvent));
        var actual = JsonNode.Parse(buffer.WrittenSpan);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}\nactual   {actual?.ToJsonString()}");
    }
}
