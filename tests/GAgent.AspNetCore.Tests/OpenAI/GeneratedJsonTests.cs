using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.AspNetCore.OpenAI.Wire;

namespace GAgent.AspNetCore.Tests.OpenAI;

/// <summary>The generated fast path must write exactly the bytes the serializer writes with the same (relaxed-escaping) options.</summary>
public sealed class GeneratedJsonTests
{
    private const string Awkward = "quote \" backslash \\ newline \n tab \t café 漢字 emoji 👋 <b>&amp;</b> 'x' \u2028 \u007f";

    [Fact]
    public void The_wire_types_have_a_generated_fast_path()
    {
        // Without one GeneratedJson falls back to the serializer: still correct, but the point of it is gone.
        Assert.NotNull(OpenAIJson.Context.ChatCompletionResponse.SerializeHandler);
        Assert.NotNull(ResponsesJson.Context.ResponseStreamEvent.SerializeHandler);
        Assert.NotNull(ResponsesJson.Context.ResponseObject.SerializeHandler);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_chat_completion_is_written_as_the_serializer_writes_it(bool withToolCalls)
    {
        var toolCalls = withToolCalls
            ? new List<ChatToolCall> { new() { Id = "call_1", Type = "function", Function = new ChatFunctionCall { Name = "lookup", Arguments = "{\"q\":\"" + Awkward.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}" } } }
            : null;
        var response = new ChatCompletionResponse(
            "chatcmpl-1",
            1_700_000_000,
            "model/é",
            [new ChatCompletionChoice(0, new ChatCompletionResponseMessage(withToolCalls ? null : Awkward, toolCalls), withToolCalls ? "tool_calls" : "stop")],
            withToolCalls ? null : new ChatCompletionUsage(12, 34, 46));

        AssertSameBytes(response, OpenAIJson.Context.ChatCompletionResponse);
    }

    [Fact]
    public void Every_kind_of_responses_event_is_written_as_the_serializer_writes_it()
    {
        var response = new ResponseObject
        {
            Id = "resp_1",
            CreatedAt = 1_700_000_000,
            Status = ResponseStatuses.Completed,
            CompletedAt = 1_700_000_001,
            Instructions = Awkward,
            MaxOutputTokens = 100,
            Model = "load",
            Output =
            [
                new ResponseOutputItem { Id = "msg_1", Role = "assistant", Status = ResponseStatuses.Completed, Content = [new ResponseOutputContent { Text = Awkward }] },
                new ResponseOutputItem { Type = "function_call", Id = "fc_1", CallId = "call_1", Name = "lookup", Arguments = "{\"q\":1}", Status = ResponseStatuses.Completed },
            ],
            Temperature = 0.5f,
            ToolChoice = JsonElement.Parse("\"auto\""),
            Tools = [new ResponseFunctionTool { Type = "function", Name = "lookup", Description = Awkward, Parameters = JsonElement.Parse("{\"type\":\"object\"}"), Strict = false }],
            Usage = new ResponseUsage(10, new ResponseInputTokensDetails(0), 20, new ResponseOutputTokensDetails(0), 30),
            User = "someone",
            Metadata = new Dictionary<string, string> { ["note"] = Awkward, ["clé"] = "v" },
        };
        var failed = new ResponseObject
        {
            Id = "resp_2",
            Status = ResponseStatuses.Failed,
            Error = new ResponseErrorBody("server_error", Awkward),
            IncompleteDetails = new ResponseIncompleteDetails("max_output_tokens"),
            ToolChoice = JsonElement.Parse("{\"type\":\"function\",\"name\":\"lookup\"}"),
        };
        ResponseStreamEvent[] events =
        [
            new() { Type = "response.created", SequenceNumber = 0, Response = response },
            new() { Type = "response.failed", SequenceNumber = 1, Response = failed },
            new() { Type = "response.output_item.added", SequenceNumber = 2, OutputIndex = 0, Item = response.Output[0] },
            new() { Type = "response.content_part.added", SequenceNumber = 3, OutputIndex = 0, ItemId = "msg_1", ContentIndex = 0, Part = new ResponseOutputContent() },
            new() { Type = "response.output_text.done", SequenceNumber = 4, OutputIndex = 0, ItemId = "msg_1", ContentIndex = 0, Text = Awkward, Logprobs = [] },
            new() { Type = "response.function_call_arguments.delta", SequenceNumber = 5, OutputIndex = 1, ItemId = "fc_1", Delta = Awkward },
        ];

        foreach (var e in events)
        {
            AssertSameBytes(e, ResponsesJson.Context.ResponseStreamEvent);
        }

        AssertSameBytes(response, ResponsesJson.Context.ResponseObject);
    }

    private static void AssertSameBytes<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var expected = JsonSerializer.Serialize(value, typeInfo);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = typeInfo.Options.Encoder }))
        {
            GeneratedJson.Serialize(writer, value, typeInfo);
        }

        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
