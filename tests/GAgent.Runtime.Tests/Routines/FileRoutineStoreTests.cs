using GAgent.Routines;

namespace GAgent.Runtime.Tests.Routines;

/// <summary>The conformance suite over the file store, plus its layout on disk.</summary>
public sealed class FileRoutineStoreTests : RoutineStoreConformanceTests
{
    private readonly string _root = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));

    private string StoreDirectory => Path.Join(_root, "routines");

    protected override IRoutineStore CreateStore() => new FileRoutineStore(StoreDirectory);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Routines_and_claims_survive_a_new_store_and_no_temp_files_remain()
    {
        await Store.CreateAsync(NewRoutine("r1", nextRunAt: T0.AddHours(1)));
        await Store.TryClaimAsync("r1", T0.AddHours(1), T0.AddHours(2));
        Assert.True(File.Exists(Path.Join(StoreDirectory, "r1.json")));
        Assert.Empty(Directory.GetFiles(StoreDirectory, "*.tmp-*"));

        using var reopened = new FileRoutineStore(StoreDirectory);
        var routine = await reopened.GetAsync("r1");
        Assert.Equal(await Store.GetAsync("r1"), routine);
        Assert.Null(await reopened.TryClaimAsync("r1", T0.AddHours(1), T0.AddHours(2)));
    }

    [Fact]
    public async Task Leftover_temp_files_are_removed_and_unreadable_files_ignored()
    {
        await Store.CreateAsync(NewRoutine("r1"));
        File.WriteAllText(Path.Join(StoreDirectory, "r1.json.tmp-0123"), "{ torn");
        File.WriteAllText(Path.Join(StoreDirectory, "broken.json"), "{ not json");
        File.WriteAllText(Path.Join(StoreDirectory, "not an id.json"), "{}");

        using var reopened = new FileRoutineStore(StoreDirectory);
        Assert.False(File.Exists(Path.Join(StoreDirectory, "r1.json.tmp-0123")));
        Assert.Equal(["r1"], (await reopened.ListAsync()).Select(r => r.Id));
        Assert.Null(await reopened.GetAsync("broken"));
    }

    [Fact]
    public async Task A_file_whose_id_does_not_match_its_name_is_ignored()
    {
        await Store.CreateAsync(NewRoutine("r1"));
        File.Copy(Path.Join(StoreDirectory, "r1.json"), Path.Join(StoreDirectory, "r2.json"));
        Assert.Null(await Store.GetAsync("r2"));
        Assert.Equal(["r1"], (await Store.ListAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task Ids_never_leave_the_directory()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(NewRoutine("x") with { Id = "../outside" }).AsTask());
        Assert.False(File.Exists(Path.Join(_root, "outside.json")));
    }
}
