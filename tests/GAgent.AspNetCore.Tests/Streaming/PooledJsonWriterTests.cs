using System.Buffers;
using System.Text;
using GAgent.AspNetCore.Streaming;

namespace GAgent.AspNetCore.Tests.Streaming;

/// <summary>The plain-ASCII shortcut for a token's text must write exactly what the JSON writer writes.</summary>
public sealed class PooledJsonWriterTests
{
    private static readonly byte[] Head = "{\"delta\":"u8.ToArray();
    private static readonly byte[] Tail = "}"u8.ToArray();

    public static TheoryData<string> Texts => new()
    {
        "",
        "hello ",
        "a \"quoted\" word",
        "back\\slash",
        "line\nbreak\r\n",
        "tab\tand\u007f",
        "<b>&amp;</b> 'x' + `y` /z",
        "café",
        "emoji 👋",
        "\u2028\u2029",
        "lone \ud800 surrogate",
        "漢字",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_between_head_and_tail_matches_the_json_writer(string text)
    {
        Assert.Equal(ThroughWriter(text), Between(text));
    }

    [Fact]
    public void Every_ascii_character_alone_and_in_a_token_matches_the_json_writer()
    {
        for (var c = (char)0; c < 128; c++)
        {
            foreach (var text in new[] { c.ToString(), "ab" + c + "cd" })
            {
                Assert.True(ThroughWriter(text) == Between(text), $"U+{(int)c:X4} in \"{text}\" is written differently");
            }
        }
    }

    [Fact]
    public void A_long_token_is_written_whole_into_a_buffer_that_has_to_grow()
    {
        var text = new string('x', 10_000);
        var buffer = new ArrayBufferWriter<byte>(16);
        using var json = new PooledJsonWriter();

        json.WriteStringBetween(buffer, Head, text, Tail);

        Assert.Equal("{\"delta\":\"" + text + "\"}", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void A_frame_is_cut_at_its_placeholders_in_order_and_a_missing_one_is_refused()
    {
        using var json = new PooledJsonWriter();
        static void Sample(System.Text.Json.Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, "x \"sequence\":0");
            writer.WriteNumber("sequence"u8, 0);
            writer.WriteNumber("timestamp"u8, 0);
            writer.WriteString("delta"u8, "");
            writer.WriteEndObject();
        }

        var pieces = json.CutFrame(Sample, "\"sequence\":0"u8.ToArray(), "\"timestamp\":0"u8.ToArray(), "\"delta\":\"\""u8.ToArray());

        // The escaped look-alike inside the id's string is not a placeholder.
        Assert.Equal(["{\"id\":\"x \\\"sequence\\\":0\",\"sequence\":", ",\"timestamp\":", ",\"delta\":", "}"], pieces.Select(static p => Encoding.UTF8.GetString(p)));
        var error = Assert.Throws<InvalidOperationException>(() => json.CutFrame(Sample, "\"delta\":\"\""u8.ToArray(), "\"sequence\":0"u8.ToArray()));
        Assert.Contains("\"sequence\":0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_after_a_head_is_what_the_writer_writes()
    {
        foreach (var value in new[] { 0L, 7L, -42L, long.MaxValue, long.MinValue })
        {
            var buffer = new ArrayBufferWriter<byte>(1);
            PooledJsonWriter.WriteNumberAfter(buffer, "\"n\":"u8, value);

            Assert.Equal("\"n\":" + System.Text.Json.JsonSerializer.Serialize(value), Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }

    private static string Between(string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new PooledJsonWriter();
        buffer.Write("data: "u8);
        json.WriteStringBetween(buffer, Head, text, Tail);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string ThroughWriter(string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new PooledJsonWriter();
        buffer.Write("data: "u8);
        buffer.Write(Head);
        var writer = json.Rent(buffer);
        writer.WriteStringValue(text);
        writer.Flush();
        buffer.Write(Tail);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
