using GAgent.Skills;

namespace GAgent.Runtime.Tests.Skills;

/// <summary>The conformance suite over the file store, plus its layout on disk.</summary>
public sealed class FileSkillStoreTests : SkillStoreConformanceTests
{
    private readonly string _root = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));

    private string StoreDirectory => Path.Join(_root, "skills");

    protected override ISkillStore CreateStore(int maxChars, TimeProvider time) => new FileSkillStore(StoreDirectory, maxChars, time);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Skills_are_folders_with_skill_md_and_state_survives_a_new_store()
    {
        await Store.PutAsync("notes", SkillSamples.Skill("Notes", "Takes notes"));
        await Store.SetEnabledAsync("notes", false);
        Assert.True(File.Exists(Path.Join(StoreDirectory, "notes", "SKILL.md")));
        Assert.True(File.Exists(Path.Join(StoreDirectory, "skills.json")));

        using var reopened = new FileSkillStore(StoreDirectory, MaxChars, Time);
        var read = await reopened.GetAsync("notes");
        Assert.Equal(("Notes", false), (read!.Name, read.Enabled));
    }

    [Fact]
    public async Task Folders_added_by_hand_are_listed_and_broken_ones_left_out()
    {
        Directory.CreateDirectory(Path.Join(StoreDirectory, "by-hand"));
        await File.WriteAllTextAsync(Path.Join(StoreDirectory, "by-hand", "SKILL.md"), "---\nname: 'Hand made'\ndescription: >\n  Folded over\n  two lines\nextra: ignored\n---\n# Steps\n");
        Directory.CreateDirectory(Path.Join(StoreDirectory, "broken"));
        await File.WriteAllTextAsync(Path.Join(StoreDirectory, "broken", "SKILL.md"), "no front matter");
        Directory.CreateDirectory(Path.Join(StoreDirectory, "bad.name"));
        await File.WriteAllTextAsync(Path.Join(StoreDirectory, "bad.name", "SKILL.md"), SkillSamples.Skill("X", "y"));

        var skill = Assert.Single(await Store.ListAsync());
        Assert.Equal(("by-hand", "Hand made", "Folded over two lines", "# Steps", true), (skill.Id, skill.Name, skill.Description, skill.Body, skill.Enabled));
        Assert.Null(await Store.GetAsync("broken"));
    }

    [Fact]
    public async Task Delete_removes_the_whole_folder()
    {
        await Store.PutAsync("notes", SkillSamples.Skill("Notes", "Takes notes"));
        await File.WriteAllTextAsync(Path.Join(StoreDirectory, "notes", "template.md"), "extra");
        Assert.True(await Store.DeleteAsync("notes"));
        Assert.False(Directory.Exists(Path.Join(StoreDirectory, "notes")));
    }
}
