using GAgent.Media;

namespace GAgent.Runtime.Tests.Media;

public sealed class MediaTypeSnifferTests
{
    public static TheoryData<string, string?, string> AllowedFiles => new()
    {
        { "png", "a.png", "image/png" },
        { "jpeg", "a.jpg", "image/jpeg" },
        { "gif", "a.gif", "image/gif" },
        { "webp", "a.webp", "image/webp" },
        { "pdf", "a.pdf", "application/pdf" },
        { "text", "notes.txt", "text/plain" },
        { "text", null, "text/plain" },
        { "markdown", "README.md", "text/markdown" },
        { "csv", "data.csv", "text/csv" },
        { "json", "data.json", "application/json" },
    };

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public void Each_allowed_type_is_recognised(string kind, string? fileName, string expected)
    {
        var result = MediaTypeSniffer.Sniff(Sample(kind), fileName);
        Assert.Equal(expected, result.MediaType);
        Assert.True(result.Allowed);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "pic.png", "image/svg+xml")]
    [InlineData("<?xml version=\"1.0\"?>\n<svg></svg>", "pic.txt", "image/svg+xml")]
    [InlineData("  <!DOCTYPE html><html><body>hi</body></html>", "page.txt", "text/html")]
    [InlineData("<script>alert(1)</script>", "x.md", "text/html")]
    [InlineData("<?xml version=\"1.0\"?><a/>", "data.json", "application/xml")]
    [InlineData("#!/bin/sh\nrm -rf /\n", "run.txt", "text/x-shellscript")]
    [InlineData("plain words", "page.html", "text/html")]
    [InlineData("plain words", "image.svg", "image/svg+xml")]
    public void Active_markup_and_scripts_are_refused(string content, string fileName, string expected)
    {
        var result = MediaTypeSniffer.Sniff(MediaSamples.Text(content), fileName);
        Assert.Equal(expected, result.MediaType);
        Assert.False(result.Allowed);
    }

    [Fact]
    public void Executables_are_refused()
    {
        Assert.Equal(new MediaSniffResult("application/x-msdownload", false), MediaTypeSniffer.Sniff(MediaSamples.Exe, "setup.txt"));
        Assert.Equal(new MediaSniffResult("application/x-elf", false), MediaTypeSniffer.Sniff(MediaSamples.Elf, "tool.txt"));
    }

    [Fact]
    public void A_png_declared_as_text_is_a_png()
        => Assert.Equal("image/png", MediaTypeSniffer.Sniff(MediaSamples.Png, "notes.txt").MediaType);

    [Fact]
    public void Text_with_a_nul_byte_or_invalid_utf8_is_refused()
    {
        Assert.Equal(new MediaSniffResult("application/octet-stream", false), MediaTypeSniffer.Sniff([.. "abc"u8, 0, .. "def"u8], "a.txt"));
        Assert.Equal(new MediaSniffResult("application/octet-stream", false), MediaTypeSniffer.Sniff([0x61, 0xC3, 0x28], "a.txt"));
        Assert.False(MediaTypeSniffer.Sniff([], "a.txt").Allowed);
    }

    [Fact]
    public void Utf8_split_across_chunks_is_still_text()
    {
        var bytes = MediaSamples.Text("héllo wörld €");
        var sniffer = new MediaTypeSniffer();
        foreach (var b in bytes)
        {
            sniffer.Append([b]);
        }

        Assert.Equal(new MediaSniffResult("text/plain", true), sniffer.Complete("a.txt"));
        var truncated = new MediaTypeSniffer();
        truncated.Append(bytes.AsSpan(0, bytes.Length - 1));
        Assert.False(truncated.Complete("a.txt").Allowed);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\report.pdf", "report.pdf")]
    [InlineData("a\"b\r\n.txt", "a_b__.txt")]
    [InlineData("   ", "file")]
    [InlineData("..", "file")]
    public void File_names_are_sanitized(string declared, string expected) => Assert.Equal(expected, MediaFileNames.Sanitize(declared));

    private static byte[] Sample(string kind) => kind switch
    {
        "png" => MediaSamples.Png,
        "jpeg" => MediaSamples.Jpeg,
        "gif" => MediaSamples.Gif,
        "webp" => MediaSamples.Webp,
        "pdf" => MediaSamples.Pdf,
        "markdown" => MediaSamples.Text("# Title\n\nSome *text*."),
        "csv" => MediaSamples.Text("a,b\n1,2\n"),
        "json" => MediaSamples.Text("{\"a\":1}"),
        _ => MediaSamples.Text("Hello, world."),
    };
}
