using GAgent.Responses;

namespace GAgent.Runtime.Tests.Responses;

public sealed class FileResponseStoreTests : ResponseStoreConformanceTests, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gagent-tests", "responses-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    protected override IResponseStore CreateStore() => new FileResponseStore(_directory);

    [Fact]
    public async Task Survives_a_new_store_instance_over_the_same_directory()
    {
        await Store.SaveAsync(Response("resp_1", inputCount: 3));

        var reopened = new FileResponseStore(_directory);
        var stored = await reopened.GetAsync("resp_1");

        Assert.NotNull(stored);
        Assert.Equal(3, stored.InputItems.Count);
    }

    [Fact]
    public async Task Writes_one_file_per_response_and_removes_temporary_leftovers()
    {
        await Store.SaveAsync(Response("resp_1"));
        var leftover = Path.Combine(_directory, "resp_2.json.tmp-0123");
        await File.WriteAllTextAsync(leftover, "{\"torn");

        var reopened = new FileResponseStore(_directory);

        Assert.False(File.Exists(leftover));
        Assert.Equal(["resp_1.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        Assert.Null(await reopened.GetAsync("resp_2"));
    }

    [Fact]
    public async Task A_corrupt_file_reads_as_missing()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "resp_bad.json"), "{not json");

        Assert.Null(await Store.GetAsync("resp_bad"));
    }
}
