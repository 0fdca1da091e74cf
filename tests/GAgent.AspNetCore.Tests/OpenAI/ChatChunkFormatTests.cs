using System.Buffers;
using System.Text;
using System.Text.Json;
using GAgent.AspNetCore.OpenAI;
using GAgent.AspNetCore.Streaming;
using GAgent.Events;

namespace GAgent.AspNetCore.Tests.OpenAI;

/// <summary>The per-token fast path of the chat chunk stream must write exactly the event full serialization frames.</summary>
public sealed class ChatChunkFormatTests
{
    public static TheoryData<string, bool> Texts => new()
    {
        { "hello", false },
        { "hello", true },
        { "", false },
        { "quote \" backslash \\ newline \n tab \t", true },
        { "<script>&amp;</script> 'single'", false },
        { "ünïcödé 👋 \u0001 \u2028", true },
        { "\"delta\":{\"content\":\"\"", false },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Content_chunks_match_full_serialization(string text, bool includeUsage)
    {
        // The stream's run is only read by ReadBatchesAsync; writing needs the ids alone.
        using var stream = new ChatCompletionStream(run: null!, "chatcmpl-\"odd\"", 1_700_000_000, "model \"x\" ü", includeUsage);
        var chunk = new ChatChunk(ChatChunkKind.Content, Text: text);
        var content = new TextMessageContentEvent { RunId = "run_1", SessionId = "s", Sequence = 3, Timestamp = DateTimeOffset.UnixEpoch, MessageId = "msg_1", Delta = text };

        using var fast = new SseEventWriter(16);
        stream.Write(content, fast);
        stream.Write(content, fast);
        var full = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(full, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            stream.WriteChunk(writer, chunk);
        }

        var once = "data: " + Encoding.UTF8.GetString(full.WrittenSpan) + "\n\n";
        Assert.Equal(once + once, Encoding.UTF8.GetString(fast.WrittenMemory.Span));
        using var parsed = JsonDocument.Parse(full.WrittenMemory);
        Assert.Equal(text, parsed.RootElement.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString());
    }
}
