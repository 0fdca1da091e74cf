using GAgent.Storage;
using GAgent.Profiles;

namespace GAgent.Runtime.Tests.Profiles;

/// <summary>The conformance suite over the file store, plus its layout on disk.</summary>
public sealed class FileProfileStoreTests : ProfileStoreConformanceTests
{
    private readonly string _root = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));

    private string StoreDirectory => Path.Join(_root, "profiles");

    protected override IProfileStore CreateStore(TimeProvider time) => new FileProfileStore(StoreDirectory, time);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Profiles_and_the_active_choice_survive_a_new_store_and_no_temp_files_remain()
    {
        await Store.PutAsync(Pirate());
        await Store.SetActiveProfileIdAsync("pirate");
        Assert.True(File.Exists(Path.Join(StoreDirectory, "pirate.json")));
        Assert.True(File.Exists(Path.Join(StoreDirectory, ".active.json")));
        Assert.Empty(Directory.GetFiles(StoreDirectory, ".tmp-*"));

        using var reopened = new FileProfileStore(StoreDirectory, Time);
        Assert.Equal("pirate", await reopened.GetActiveProfileIdAsync());
        var read = await reopened.GetAsync("pirate");
        Assert.Equal(("Captain", "Arr, you are a pirate.", ProfileTheme.Dark), (read!.Name, read.Persona, read.Visual.Theme));
    }

    [Fact]
    public async Task A_corrupt_profile_file_is_treated_as_missing_and_does_not_break_listing()
    {
        await Store.PutAsync(Pirate());
        Directory.CreateDirectory(StoreDirectory);
        await File.WriteAllTextAsync(Path.Join(StoreDirectory, "broken.json"), "{ not json");
        await File.WriteAllTextAsync(Path.Join(StoreDirectory, "liar.json"), "{\"id\":\"pirate\",\"name\":\"Impostor\"}");

        Assert.Equal(["default", "pirate"], (await Store.ListAsync()).Select(static p => p.Id));
        Assert.Null(await Store.GetAsync("broken"));
        Assert.Null(await Store.GetAsync("liar"));
    }

    [Fact]
    public async Task The_active_profile_falls_back_to_the_default_when_its_file_is_gone()
    {
        await Store.PutAsync(Pirate());
        await Store.SetActiveProfileIdAsync("pirate");
        Assert.Equal("pirate", await Store.GetActiveProfileIdAsync());
        File.Delete(Path.Join(StoreDirectory, "pirate.json"));

        // Reads are cached briefly; a file removed by hand is noticed once the cached read is older than its lifetime.
        Time.Advance(FileReadCache<AgentProfile?>.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(ProfileIds.Default, await Store.GetActiveProfileIdAsync());
    }
}
