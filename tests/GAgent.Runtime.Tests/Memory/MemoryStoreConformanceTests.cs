using GAgent.Memory;
using GAgent.Runtime.Tests.Sessions;

namespace GAgent.Runtime.Tests.Memory;

/// <summary>The behaviour every <see cref="IMemoryStore"/> must have. Each implementation's test class derives from this.</summary>
public abstract class MemoryStoreConformanceTests : IDisposable
{
    protected const int MaxChars = 2_048;

    private IMemoryStore? _store;

    protected ManualTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    protected IMemoryStore Store => _store ??= CreateStore(MaxChars, Time);

    protected abstract IMemoryStore CreateStore(int maxChars, TimeProvider time);

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
    public async Task An_unwritten_scope_is_an_empty_document()
    {
        var document = await Store.GetAsync("pirate");
        Assert.Equal(("pirate", string.Empty, (DateTimeOffset?)null), (document.Scope, document.Content, document.UpdatedAt));
        Assert.Equal(MaxChars, Store.MaxDocumentChars);
    }

    [Fact]
    public async Task Replace_then_append_builds_a_markdown_list_and_scopes_stay_apart()
    {
        await Store.ReplaceAsync("pirate", "# Notes\nLikes rum");
        Time.Advance(TimeSpan.FromMinutes(1));
        var appended = await Store.AppendAsync("pirate", "  Ship is called\r\nthe Pearl  ");
        Assert.Equal("# Notes\nLikes rum\n- Ship is called the Pearl\n", appended.Content);
        Assert.Equal(Time.GetUtcNow(), appended.UpdatedAt);
        await Store.AppendAsync("pirate", "Parrot: Polly");

        Assert.Equal("# Notes\nLikes rum\n- Ship is called the Pearl\n- Parrot: Polly\n", (await Store.GetAsync("pirate")).Content);
        Assert.Equal(string.Empty, (await Store.GetAsync("teacher")).Content);
        await Store.AppendAsync("teacher", "Grades on Fridays");
        Assert.Equal("- Grades on Fridays\n", (await Store.GetAsync("teacher")).Content);
        Assert.DoesNotContain("Polly", (await Store.GetAsync("teacher")).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_matches_every_word_case_insensitively_newest_first()
    {
        await Store.AppendAsync("s", "User likes green tea");
        await Store.AppendAsync("s", "User dislikes coffee");
        await Store.AppendAsync("s", "Tea time is at five, user says");

        Assert.Equal(["- Tea time is at five, user says", "- User likes green tea"], await Store.SearchAsync("s", "TEA user"));
        Assert.Equal(["- Tea time is at five, user says"], await Store.SearchAsync("s", "user", limit: 1));
        Assert.Empty(await Store.SearchAsync("s", "whisky"));
        Assert.Empty(await Store.SearchAsync("other", "tea"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SearchAsync("s", "  ").AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SearchAsync("s", "tea", 0).AsTask());
    }

    [Fact]
    public async Task The_size_cap_refuses_writes_and_keeps_the_old_document()
    {
        await Store.ReplaceAsync("s", "keep me");
        var tooLarge = await Assert.ThrowsAsync<MemoryTooLargeException>(() => Store.ReplaceAsync("s", new string('x', MaxChars + 1)).AsTask());
        Assert.Equal(MaxChars, tooLarge.MaxLength);
        await Store.ReplaceAsync("s", new string('x', MaxChars - 10));
        await Assert.ThrowsAsync<MemoryTooLargeException>(() => Store.AppendAsync("s", "this entry does not fit").AsTask());
        Assert.Equal(MaxChars - 10, (await Store.GetAsync("s")).Content.Length);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("x.md")]
    public async Task Malformed_scopes_are_rejected(string scope)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync(scope).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReplaceAsync(scope, "x").AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(scope, "x").AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SearchAsync(scope, "x").AsTask());
    }

    [Fact]
    public async Task Empty_entries_are_rejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync("s", " \n ").AsTask());
        Assert.Equal("entry", error.ParamName);
        Assert.Equal(string.Empty, (await Store.GetAsync("s")).Content);
    }

    [Fact]
    public async Task Concurrent_appends_all_land()
    {
        await Task.WhenAll(Enumerable.Range(0, 25).Select(i => Store.AppendAsync("s", "entry " + i).AsTask()));
        var lines = (await Store.GetAsync("s")).Content.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(25, lines.Length);
        Assert.Equal(25, lines.Distinct().Count());
    }
}
