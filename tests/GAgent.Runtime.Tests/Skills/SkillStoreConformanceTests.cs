using GAgent.Runtime.Tests.Sessions;
using GAgent.Skills;

namespace GAgent.Runtime.Tests.Skills;

/// <summary>The behaviour every <see cref="ISkillStore"/> must have. Each implementation's test class derives from this.</summary>
public abstract class SkillStoreConformanceTests : IDisposable
{
    protected const int MaxChars = 4_096;

    private ISkillStore? _store;

    protected ManualTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    protected ISkillStore Store => _store ??= CreateStore(MaxChars, Time);

    protected abstract ISkillStore CreateStore(int maxChars, TimeProvider time);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            (_store as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public async Task Put_creates_an_enabled_skill_and_get_reads_it_back()
    {
        Assert.Empty(await Store.ListAsync());
        var text = SkillSamples.Skill("Release notes", "Writes release notes from a changelog", "1. Read the log.\n2. Summarise.");
        var skill = await Store.PutAsync("release-notes", text);
        Assert.Equal(("release-notes", "Release notes", "Writes release notes from a changelog", true), (skill.Id, skill.Name, skill.Description, skill.Enabled));
        Assert.Equal("1. Read the log.\n2. Summarise.", skill.Body);
        Assert.Equal(text, skill.Content);

        var read = await Store.GetAsync("release-notes");
        Assert.NotNull(read);
        Assert.Equal((skill.Name, skill.Body, skill.Content, true), (read.Name, read.Body, read.Content, read.Enabled));
    }

    [Fact]
    public async Task Enabled_state_survives_edits_and_listing_orders_by_id()
    {
        await Store.PutAsync("b-skill", SkillSamples.Skill("B", "second"));
        await Store.PutAsync("a-skill", SkillSamples.Skill("A", "first"));
        var disabled = await Store.SetEnabledAsync("b-skill", false);
        Assert.False(disabled.Enabled);

        var edited = await Store.PutAsync("b-skill", SkillSamples.Skill("B2", "second, edited"));
        Assert.False(edited.Enabled);
        var all = await Store.ListAsync();
        Assert.Equal(["a-skill", "b-skill"], all.Select(static s => s.Id));
        Assert.Equal([true, false], all.Select(static s => s.Enabled));
        Assert.Equal("B2", all[1].Name);

        Assert.True((await Store.SetEnabledAsync("b-skill", true)).Enabled);
        Assert.True((await Store.GetAsync("b-skill"))!.Enabled);
    }

    [Fact]
    public async Task Delete_removes_the_skill_and_a_new_one_with_its_id_starts_enabled()
    {
        await Store.PutAsync("s", SkillSamples.Skill("S", "d"));
        await Store.SetEnabledAsync("s", false);
        Assert.True(await Store.DeleteAsync("s"));
        Assert.Null(await Store.GetAsync("s"));
        Assert.False(await Store.DeleteAsync("s"));
        Assert.True((await Store.PutAsync("s", SkillSamples.Skill("S", "d"))).Enabled);
    }

    [Fact]
    public async Task Enabling_an_unknown_skill_fails()
    {
        await Assert.ThrowsAsync<SkillNotFoundException>(() => Store.SetEnabledAsync("ghost", true).AsTask());
        await Assert.ThrowsAsync<SkillNotFoundException>(() => Store.SetEnabledAsync("../x", false).AsTask());
    }

    [Theory]
    [InlineData("no front matter at all", "front matter")]
    [InlineData("---\nname: X\n", "not closed")]
    [InlineData("---\ndescription: d\n---\nbody", "'name'")]
    [InlineData("---\nname: n\n---\nbody", "'description'")]
    [InlineData("---\nname:\ndescription: \"\"\n---\n", "'name' and 'description'")]
    [InlineData("---\nthis line is wrong\n---\n", "not 'key: value'")]
    public async Task Bad_front_matter_is_refused_saying_what_is_missing(string content, string expected)
    {
        var error = await Assert.ThrowsAsync<InvalidSkillException>(() => Store.PutAsync("s", content).AsTask());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync("s"));
    }

    [Fact]
    public async Task Oversize_text_and_malformed_ids_are_refused()
    {
        await Assert.ThrowsAsync<SkillTooLargeException>(() => Store.PutAsync("s", SkillSamples.Skill("S", "d", new string('x', MaxChars))).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync("../evil", SkillSamples.Skill("S", "d")).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync("a.b", SkillSamples.Skill("S", "d")).AsTask());
        Assert.Null(await Store.GetAsync("../evil"));
        Assert.False(await Store.DeleteAsync("../evil"));
        Assert.Empty(await Store.ListAsync());
    }
}
