using GAgent.Memory;

namespace GAgent.Runtime.Tests.Memory;

/// <summary>The conformance suite over the file store, plus its layout on disk.</summary>
public sealed class FileMemoryStoreTests : MemoryStoreConformanceTests
{
    private readonly string _root = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));

    private string StoreDirectory => Path.Join(_root, "memory");

    protected override IMemoryStore CreateStore(int maxChars, TimeProvider time) => new FileMemoryStore(StoreDirectory, maxChars, time);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Memory_is_a_markdown_file_per_scope_that_hand_edits_reach()
    {
        await Store.AppendAsync("pirate", "Likes rum");
        var path = Path.Join(StoreDirectory, "pirate.md");
        Assert.Equal("- Likes rum\n", await File.ReadAllTextAsync(path));
        Assert.Equal(Time.GetUtcNow(), (await Store.GetAsync("pirate")).UpdatedAt);
        Assert.Empty(Directory.GetFiles(StoreDirectory, ".tmp-*"));

        await File.WriteAllTextAsync(path, "# Edited by hand\n");
        using var reopened = new FileMemoryStore(StoreDirectory, MaxChars, Time);
        Assert.Equal("# Edited by hand\n", (await reopened.GetAsync("pirate")).Content);
        Assert.Equal(["# Edited by hand"], await reopened.SearchAsync("pirate", "hand"));
    }
}
