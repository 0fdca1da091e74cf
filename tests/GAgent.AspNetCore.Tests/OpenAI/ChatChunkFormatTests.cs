using System.Buffers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using GAgent.AspNetCore.OpenAI;

namespace GAgent.AspNetCore.Tests.OpenAI;

/// <summary>The per-token fast path of the chat chunk stream must write exactly what full serialization writes.</summary>
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
        // The stream's run is only read by ReadAsync; formatting needs the ids alone.
        using var stream = new ChatCompletionStream(run: null!, "chatcmpl-\"odd\"", 1_700_000_000, "model \"x\" ü", includeUsage);
        var chunk = new ChatChunk(ChatChunkKind.Content, Text: text);

        var fast = new ArrayBufferWriter<byte>();
        stream.Format(new SseItem<ChatChunk>(chunk), fast);
        stream.Format(new SseItem<ChatChunk>(chunk), fast);
        var full = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(full, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            stream.WriteChunk(writer, chunk);
        }

        var once = Encoding.UTF8.GetString(full.WrittenSpan);
        Assert.Equal(once + once, Encoding.UTF8.GetString(fast.WrittenSpan));
        using var parsed = JsonDocument.Parse(full.WrittenMemory);
        Assert.Equal(text, parsed.RootElement.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString());
    }
}
