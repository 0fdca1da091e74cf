using GAgent.Media;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Media;

public sealed class MediaReferenceResolverTests
{
    private readonly InMemoryMediaStore _store = new();

    private async Task<MediaInfo> SaveAsync(byte[] bytes, string fileName)
    {
        using var stream = new MemoryStream(bytes);
        return await _store.SaveAsync(stream, fileName, 1024 * 1024);
    }

    [Fact]
    public async Task References_become_bytes_or_inlined_text_and_other_content_is_kept()
    {
        var image = await SaveAsync(MediaSamples.Pdf, "doc.pdf");
        var text = await SaveAsync(MediaSamples.Text("ab€cd"), "t.md");
        var messages = new List<ChatMessage>
        {
            new(ChatRole.User, [new TextContent("look"), new UriContent(MediaReferences.ToUri(image.Id), image.MediaType), new UriContent(MediaReferences.ToUri(text.Id), text.MediaType)]),
            new(ChatRole.User, [new UriContent(new Uri("https://example.com/x.png"), "image/png"), new UriContent(MediaReferences.ToUri(new string('0', 64)), "image/png")]),
        };

        // 4 bytes cut the 3-byte euro sign: the partial character is dropped, not mangled.
        await new MediaReferenceResolver(_store).ResolveAsync(messages, 4, CancellationToken.None);

        Assert.Equal("look", Assert.IsType<TextContent>(messages[0].Contents[0]).Text);
        var data = Assert.IsType<DataContent>(messages[0].Contents[1]);
        Assert.Equal("application/pdf", data.MediaType);
        Assert.Equal(MediaSamples.Pdf, data.Data.ToArray());
        var inlined = Assert.IsType<TextContent>(messages[0].Contents[2]).Text;
        Assert.Contains("'t.md' (text/markdown)]\nab\n[Truncated: the first 4 of 7 bytes", inlined, StringComparison.Ordinal);
        Assert.IsType<UriContent>(messages[1].Contents[0]);
        Assert.Contains("no longer available", Assert.IsType<TextContent>(messages[1].Contents[1]).Text, StringComparison.Ordinal);
    }
}
