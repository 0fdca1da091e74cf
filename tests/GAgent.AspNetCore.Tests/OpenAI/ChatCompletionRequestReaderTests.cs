using System.Buffers;
using System.Text;
using System.Text.Json;
using GAgent.AspNetCore.OpenAI.Wire;

namespace GAgent.AspNetCore.Tests.OpenAI;

/// <summary>
/// The hand-written request reader must return exactly what the serializer returns, or nothing (and leave the body to
/// the serializer); and it must actually read the common shapes, or it is dead weight.
/// </summary>
public sealed class ChatCompletionRequestReaderTests
{
    /// <summary>Bodies the reader reads itself.</summary>
    public static TheoryData<string> Read => new()
    {
        """{"model":"m","messages":[{"role":"user","content":"hi"}]}""",
        """{"model":"m","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"system","content":"You are fast."},{"role":"user","content":"Say many words."}]}""",
        """{"model":"m","stream":false,"stream_options":null,"messages":[{"role":"user","content":"a"},{"role":"assistant","content":null},{"role":"tool","tool_call_id":"call_1","content":"42"}]}""",
        """  {"messages":[{"role":"user","name":"ann","content":"ünïcödé 👋 \"quoted\" \\ \n \u0041 \ud83d\ude00"}],"model":"m"}  """,
        """{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"look"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}]}""",
        """{"model":"m","messages":[{"role":"user","content":{"odd":true}},{"role":"user","content":5},null]}""",
        """{"model":null,"messages":null}""",
        """{}""",
        """{"model":"m","messages":[],"temperature":0.7,"top_p":1,"presence_penalty":-0.5,"frequency_penalty":2e-1,"max_tokens":100,"max_completion_tokens":200,"n":1,"seed":-9007199254740993,"user":"u","parallel_tool_calls":false,"logprobs":true}""",
        """{"model":"m","messages":[],"temperature":null,"top_p":null,"max_tokens":null,"seed":null,"user":null,"logprobs":null,"n":null}""",
        """{"mod\u0065l":"m","messages":[{"r\u006fle":"user","content":"escaped names"}]}""",
    };

    /// <summary>Bodies the reader leaves to the serializer: shapes it does not read, and every kind of error.</summary>
    public static TheoryData<string> LeftToSerializer => new()
    {
        """{"model":"m","messages":[],"tools":[{"type":"function","function":{"name":"f"}}]}""",
        """{"model":"m","messages":[],"tool_choice":"auto"}""",
        """{"model":"m","messages":[],"response_format":{"type":"json_object"}}""",
        """{"model":"m","messages":[],"stop":["x"]}""",
        """{"model":"m","messages":[],"metadata":{"a":"b"}}""",
        """{"model":"m","messages":[],"unknown_field":1}""",
        """{"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]}]}""",
        """{"model":"m","messages":[{"role":"user","content":"a","extra":1}]}""",
        """{"model":"m","messages":[],"stream_options":{"include_usage":true,"other":1}}""",
        """{"model":"a","model":"b","messages":[]}""",
        """{"model":"m","messages":[{"role":"user","role":"system","content":"a"}]}""",
        """{"Model":"m","messages":[]}""",
        """{"model":5,"messages":[]}""",
        """{"model":"m","messages":{}}""",
        """{"model":"m","messages":["hi"]}""",
        """{"model":"m","messages":[],"stream":"yes"}""",
        """{"model":"m","messages":[],"temperature":"0.5"}""",
        """{"model":"m","messages":[],"max_tokens":1.5}""",
        """{"model":"m","messages":[],"max_tokens":99999999999}""",
        """{"model":"m","messages":[],"seed":1e3}""",
        """{"model":"m","messages":[{"role":"user","content":"a"}],}""",
        """{"model":"m","messages":[]} trailing""",
        """{"model":"m","messages":[]}{}""",
        """{"model":"m", /* comment */ "messages":[]}""",
        """{"model":"m","messages":[{"role":"user","content":"a"}]""",
        """[{"model":"m"}]""",
        """null""",
        """"text"""",
        "",
        "   ",
    };

    [Theory]
    [MemberData(nameof(Read))]
    public void Reads_the_common_shapes_exactly_as_the_serializer_does(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var read = ChatCompletionRequestReader.TryRead(new ReadOnlySequence<byte>(body), 64);

        Assert.NotNull(read);
        Assert.Equal(Serialized(Deserialize(body)), Serialized(read));
    }

    [Theory]
    [MemberData(nameof(LeftToSerializer))]
    public void Leaves_other_shapes_and_errors_to_the_serializer(string json)
    {
        Assert.Null(ChatCompletionRequestReader.TryRead(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), 64));
    }

    [Fact]
    public void Reads_a_number_beyond_float_range_as_the_serializer_does()
    {
        // Both read it as infinity (which the mapper's range check then rejects); it cannot be compared as JSON.
        var body = """{"model":"m","messages":[],"temperature":1e39,"top_p":-1e39}"""u8.ToArray();
        var read = ChatCompletionRequestReader.TryRead(new ReadOnlySequence<byte>(body), 64);
        var expected = Deserialize(body)!;

        Assert.NotNull(read);
        Assert.Equal(expected.Temperature, read.Temperature);
        Assert.Equal(expected.TopP, read.TopP);
    }

    [Fact]
    public void Leaves_a_string_that_is_not_UTF8_to_the_serializer()
    {
        byte[] body = [.. """{"model":"""u8, (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}'];

        Assert.Null(ChatCompletionRequestReader.TryRead(new ReadOnlySequence<byte>(body), 64));
        Assert.ThrowsAny<JsonException>(() => Deserialize(body));
    }

    [Fact]
    public void Leaves_a_body_deeper_than_the_limit_to_the_serializer()
    {
        var body = """{"model":"m","messages":[{"role":"user","content":[[[[1]]]]}]}"""u8.ToArray();

        Assert.NotNull(ChatCompletionRequestReader.TryRead(new ReadOnlySequence<byte>(body), 8));
        Assert.Null(ChatCompletionRequestReader.TryRead(new ReadOnlySequence<byte>(body), 5));
    }

    [Fact]
    public void Reads_a_body_split_anywhere_across_buffer_segments()
    {
        var body = Encoding.UTF8.GetBytes("""{"model":"m","stream":true,"stream_options":{"include_usage":true},"temperature":0.25,"messages":[{"role":"user","content":"ünï \"q\" 👋"},{"role":"user","content":[{"type":"text","text":"parts"}]}]}""");
        var expected = Serialized(Deserialize(body));

        for (var cut = 1; cut < body.Length; cut++)
        {
            var read = ChatCompletionRequestReader.TryRead(Split(body, cut), 64);
            Assert.NotNull(read);
            Assert.Equal(expected, Serialized(read));
        }
    }

    private static ChatCompletionRequest? Deserialize(byte[] body) => JsonSerializer.Deserialize(body, OpenAIJson.Context.ChatCompletionRequest);

    private static string Serialized(ChatCompletionRequest? request) => JsonSerializer.Serialize(request, OpenAIJson.Context.ChatCompletionRequest);

    private static ReadOnlySequence<byte> Split(byte[] body, int cut)
    {
        var first = new Segment(body.AsMemory(0, cut), 0);
        var last = first.Append(body.AsMemory(cut));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
