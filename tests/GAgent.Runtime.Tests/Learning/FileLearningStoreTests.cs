using GAgent.Learning;

namespace GAgent.Runtime.Tests.Learning;

/// <summary>The conformance suite over the file store, plus its layout on disk.</summary>
public sealed class FileLearningStoreTests : LearningStoreConformanceTests
{
    private readonly string _root = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));

    private string StoreDirectory => Path.Join(_root, "learning");

    protected override ILearningStore CreateStore(TimeProvider time) => new FileLearningStore(StoreDirectory, time);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Candidates_are_json_files_that_survive_a_new_store()
    {
        await Store.AddAsync(SkillCandidate("lrn_keep"));
        await Store.TransitionAsync("lrn_keep", LearningCandidateStatus.Approved, "yes");
        var path = Path.Join(StoreDirectory, "lrn_keep.json");
        Assert.True(File.Exists(path));
        var json = await File.ReadAllTextAsync(path);
        Assert.Contains("\"status\":\"approved\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"skill\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFiles(StoreDirectory), static f => Path.GetFileName(f).StartsWith('.'));

        using var reopened = new FileLearningStore(StoreDirectory, Time);
        var read = await reopened.GetAsync("lrn_keep");
        Assert.Equal((LearningCandidateStatus.Approved, "yes", 2L), (read!.Status, read.Note, read.Version));
        await Assert.ThrowsAsync<LearningConflictException>(async () => await reopened.TransitionAsync("lrn_keep", LearningCandidateStatus.Rejected));
    }

    [Fact]
    public async Task Unreadable_or_misnamed_files_are_left_out()
    {
        Directory.CreateDirectory(StoreDirectory);
        await File.WriteAllTextAsync(Path.Join(StoreDirectory, "lrn_broken.json"), "{ not json");
        await File.WriteAllTextAsync(Path.Join(StoreDirectory, "notes.json"), "{}");
        using (var writer = new FileLearningStore(Path.Join(_root, "other"), Time))
        {
            await writer.AddAsync(SkillCandidate("lrn_moved"));
        }

        // A valid candidate under another file name is not trusted.
        File.Copy(Path.Join(_root, "other", "lrn_moved.json"), Path.Join(StoreDirectory, "lrn_renamed.json"));
        await Store.AddAsync(SkillCandidate("lrn_fine"));

        var all = await Store.ListAsync(new LearningQuery());
        Assert.Equal(["lrn_fine"], all.Items.Select(static c => c.Id));
    }
}
