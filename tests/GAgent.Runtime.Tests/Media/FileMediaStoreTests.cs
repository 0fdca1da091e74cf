using GAgent.Media;

namespace GAgent.Runtime.Tests.Media;

/// <summary>The conformance suite over the file store, plus its layout on disk.</summary>
public sealed class FileMediaStoreTests : MediaStoreConformanceTests
{
    private readonly string _root = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));

    private string StoreDirectory => Path.Join(_root, "media");

    protected override IMediaStore CreateStore(TimeProvider time) => new FileMediaStore(StoreDirectory, time);

    protected override void Dispose(bool disposing)
    {
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        base.Dispose(disposing);
    }

    [Fact]
    public async Task Blob_and_sidecar_survive_a_new_store_and_no_temp_files_remain()
    {
        var info = await SaveAsync(MediaSamples.Png, "a.png");
        Assert.True(File.Exists(Path.Join(StoreDirectory, info.Id)));
        Assert.True(File.Exists(Path.Join(StoreDirectory, info.Id + ".json")));
        await Assert.ThrowsAsync<MediaRejectedException>(() => SaveAsync(MediaSamples.Exe, "x.exe"));
        Assert.Empty(Directory.GetFiles(StoreDirectory, "*.tmp"));
        Assert.Equal(info, await new FileMediaStore(StoreDirectory, Time).GetAsync(info.Id));
    }

    [Fact]
    public async Task A_blob_without_its_sidecar_is_missing_and_replaced_by_the_next_upload()
    {
        var info = await SaveAsync(MediaSamples.Png, "a.png");
        File.Delete(Path.Join(StoreDirectory, info.Id + ".json"));
        Assert.Null(await Store.GetAsync(info.Id));
        Assert.Equal(info.Id, (await SaveAsync(MediaSamples.Png, "b.png")).Id);
        Assert.Equal("b.png", (await Store.GetAsync(info.Id))!.FileName);
    }
}
