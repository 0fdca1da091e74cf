using System.Security.Cryptography;
using GAgent.Media;
using GAgent.Runtime.Tests.Sessions;

namespace GAgent.Runtime.Tests.Media;

/// <summary>The behaviour every <see cref="IMediaStore"/> must have. Each implementation's test class derives from this.</summary>
public abstract class MediaStoreConformanceTests : IDisposable
{
    private IMediaStore? _store;

    protected ManualTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    protected IMediaStore Store => _store ??= CreateStore(Time);

    protected abstract IMediaStore CreateStore(TimeProvider time);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    protected async Task<MediaInfo> SaveAsync(byte[] bytes, string? fileName, long maxBytes = 1024 * 1024)
    {
        using var stream = new MemoryStream(bytes);
        return await Store.SaveAsync(stream, fileName, maxBytes);
    }

    [Fact]
    public async Task Save_returns_sniffed_metadata_and_the_bytes_read_back()
    {
        var info = await SaveAsync(MediaSamples.Png, "../holiday photo.txt");
        var hash = Convert.ToHexStringLower(SHA256.HashData(MediaSamples.Png));
        Assert.Equal(hash, info.Id);
        Assert.Equal(hash, info.Sha256);
        Assert.Equal("image/png", info.MediaType);
        Assert.Equal(MediaSamples.Png.Length, info.Size);
        Assert.Equal("holiday photo.txt", info.FileName);
        Assert.Equal(Time.GetUtcNow(), info.CreatedAt);
        Assert.Equal(info, await Store.GetAsync(info.Id));

        await using var read = await Store.OpenReadAsync(info.Id);
        Assert.True(read.CanSeek);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(MediaSamples.Png, copy.ToArray());
        read.Seek(4, SeekOrigin.Begin);
        Assert.Equal(MediaSamples.Png[4], (byte)read.ReadByte());
    }

    [Fact]
    public async Task Identical_bytes_are_stored_once()
    {
        var first = await SaveAsync(MediaSamples.Text("same text"), "a.txt");
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await SaveAsync(MediaSamples.Text("same text"), "b.txt");
        Assert.Equal(first, second);
        var other = await SaveAsync(MediaSamples.Text("other text"), "c.md");
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal("text/markdown", other.MediaType);
    }

    [Theory]
    [InlineData(MediaRejectionReason.Empty)]
    [InlineData(MediaRejectionReason.TooLarge)]
    [InlineData(MediaRejectionReason.TypeNotAllowed)]
    public async Task Rejected_files_are_not_stored(MediaRejectionReason reason)
    {
        var (bytes, max) = reason switch
        {
            MediaRejectionReason.Empty => (Array.Empty<byte>(), 100L),
            MediaRejectionReason.TooLarge => (MediaSamples.Text(new string('x', 101)), 100L),
            _ => (MediaSamples.Exe, 100L),
        };
        var error = await Assert.ThrowsAsync<MediaRejectedException>(() => SaveAsync(bytes, "a.txt", max));
        Assert.Equal(reason, error.Reason);
        Assert.Null(await Store.GetAsync(Convert.ToHexStringLower(SHA256.HashData(bytes))));
        if (reason == MediaRejectionReason.TypeNotAllowed)
        {
            Assert.Contains("application/x-msdownload", error.Message, StringComparison.Ordinal);
            Assert.Contains("image/png", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_file_exactly_at_the_cap_is_accepted()
        => Assert.Equal(100, (await SaveAsync(MediaSamples.Text(new string('x', 100)), "a.txt", 100)).Size);

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task Invalid_or_unknown_ids_are_not_found(string id)
    {
        Assert.Null(await Store.GetAsync(id));
        Assert.False(await Store.DeleteAsync(id));
        await Assert.ThrowsAsync<MediaNotFoundException>(async () => await Store.OpenReadAsync(id));
    }

    [Fact]
    public async Task Get_many_returns_the_existing_ones_in_order()
    {
        var a = await SaveAsync(MediaSamples.Gif, "a.gif");
        var b = await SaveAsync(MediaSamples.Pdf, "b.pdf");
        var found = await Store.GetManyAsync([b.Id, new string('0', 64), "../x", a.Id]);
        Assert.Equal([b, a], found);
    }

    [Fact]
    public async Task Delete_removes_the_file()
    {
        var info = await SaveAsync(MediaSamples.Jpeg, "a.jpg");
        Assert.True(await Store.DeleteAsync(info.Id));
        Assert.False(await Store.DeleteAsync(info.Id));
        Assert.Null(await Store.GetAsync(info.Id));
        await Assert.ThrowsAsync<MediaNotFoundException>(async () => await Store.OpenReadAsync(info.Id));
        Assert.Equal(info.Id, (await SaveAsync(MediaSamples.Jpeg, "again.jpg")).Id);
    }

    [Fact]
    public async Task Concurrent_saves_of_the_same_bytes_agree()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => SaveAsync(MediaSamples.Webp, "a.webp"))));
        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.NotNull(await Store.GetAsync(results[0].Id));
    }
}
