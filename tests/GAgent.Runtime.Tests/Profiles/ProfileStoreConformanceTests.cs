using GAgent.Profiles;
using GAgent.Runtime.Tests.Sessions;

namespace GAgent.Runtime.Tests.Profiles;

/// <summary>The behaviour every <see cref="IProfileStore"/> must have. Each implementation's test class derives from this.</summary>
public abstract class ProfileStoreConformanceTests : IDisposable
{
    private IProfileStore? _store;

    protected ManualTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    protected IProfileStore Store => _store ??= CreateStore(Time);

    protected abstract IProfileStore CreateStore(TimeProvider time);

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

    protected static AgentProfile Pirate(string id = "pirate") => new()
    {
        Id = id,
        Name = "Captain",
        Description = "Talks like a pirate",
        Persona = "Arr, you are a pirate.",
        ModelId = "scripted",
        AllowedTools = ["calculate"],
        ToolsRequiringApproval = ["calculate"],
        Visual = new ProfileVisual { AccentColor = "#aa3300", Theme = ProfileTheme.Dark },
    };

    [Fact]
    public async Task An_empty_store_serves_the_built_in_default_as_the_active_profile()
    {
        var all = await Store.ListAsync();
        var only = Assert.Single(all);
        Assert.Equal(ProfileIds.Default, only.Id);
        Assert.Equal(0, only.Version);
        Assert.Null(only.Persona);
        Assert.Null(only.AllowedTools);
        Assert.Equal(ProfileIds.Default, await Store.GetActiveProfileIdAsync());
        Assert.Equal(AgentProfile.BuiltInDefault, await Store.GetAsync(ProfileIds.Default));
    }

    [Fact]
    public async Task Put_creates_then_replaces_keeping_created_at_and_counting_versions()
    {
        var created = await Store.PutAsync(Pirate());
        Assert.Equal(1, created.Version);
        Assert.Equal(Time.GetUtcNow(), created.CreatedAt);
        Assert.Equal("Arr, you are a pirate.", created.Persona);
        Assert.Equal(["calculate"], created.AllowedTools);
        Assert.Equal(ProfileTheme.Dark, created.Visual.Theme);

        Time.Advance(TimeSpan.FromMinutes(1));
        var replaced = await Store.PutAsync(Pirate() with { Name = "Captain Hook", AllowedTools = null, Persona = null });
        Assert.Equal(2, replaced.Version);
        Assert.Equal(created.CreatedAt, replaced.CreatedAt);
        Assert.Equal(Time.GetUtcNow(), replaced.UpdatedAt);
        Assert.Null(replaced.AllowedTools);

        var read = await Store.GetAsync("pirate");
        Assert.NotNull(read);
        Assert.Equal(("Captain Hook", 2L, (string?)null, "#aa3300"), (read.Name, read.Version, read.Persona, read.Visual.AccentColor));
        Assert.Equal(["calculate"], read.ToolsRequiringApproval);
        Assert.Equal(["default", "pirate"], (await Store.ListAsync()).Select(static p => p.Id));
    }

    [Fact]
    public async Task Listing_puts_the_default_first_then_orders_by_id()
    {
        await Store.PutAsync(Pirate("zeta"));
        await Store.PutAsync(Pirate("alpha"));
        await Store.PatchAsync(ProfileIds.Default, new ProfilePatch { Persona = "Edited default" });
        Assert.Equal(["default", "alpha", "zeta"], (await Store.ListAsync()).Select(static p => p.Id));
        Assert.Equal("Edited default", (await Store.GetAsync(ProfileIds.Default))!.Persona);
    }

    [Fact]
    public async Task Patch_changes_only_what_it_names_and_empty_strings_clear()
    {
        await Store.PutAsync(Pirate() with { MemoryScope = "shared" });
        var patched = await Store.PatchAsync("pirate", new ProfilePatch { Name = "Renamed", Description = "", AccentColor = "", Theme = ProfileTheme.Light, MemoryScope = "" });
        Assert.Equal(("Renamed", (string?)null, (string?)null, ProfileTheme.Light), (patched.Name, patched.Description, patched.Visual.AccentColor, patched.Visual.Theme));
        Assert.Equal("Arr, you are a pirate.", patched.Persona);
        Assert.Equal(["calculate"], patched.AllowedTools);
        Assert.Null(patched.MemoryScope);
        Assert.Equal("pirate", patched.EffectiveMemoryScope);
        Assert.Equal(2, patched.Version);

        var all = await Store.PatchAsync("pirate", new ProfilePatch { AllowAllTools = true, AllowedTools = ["ignored"] });
        Assert.Null(all.AllowedTools);
        var none = await Store.PatchAsync("pirate", new ProfilePatch { AllowedTools = [] });
        Assert.Empty(none.AllowedTools!);
    }

    [Fact]
    public async Task Patching_the_built_in_default_stores_it()
    {
        var patched = await Store.PatchAsync(ProfileIds.Default, new ProfilePatch { Name = "Home" });
        Assert.Equal(1, patched.Version);
        Assert.Equal("Home", (await Store.GetAsync(ProfileIds.Default))!.Name);
        Assert.Single(await Store.ListAsync());
    }

    [Fact]
    public async Task Versions_guard_writes_and_deletes()
    {
        await Store.PutAsync(Pirate());
        var stale = await Assert.ThrowsAsync<ProfileVersionMismatchException>(() => Store.PutAsync(Pirate(), expectedVersion: 0).AsTask());
        Assert.Equal((0L, 1L), (stale.ExpectedVersion, stale.ActualVersion));
        await Assert.ThrowsAsync<ProfileVersionMismatchException>(() => Store.PatchAsync("pirate", new ProfilePatch { Name = "x" }, expectedVersion: 7).AsTask());
        await Assert.ThrowsAsync<ProfileVersionMismatchException>(() => Store.DeleteAsync("pirate", expectedVersion: 2).AsTask());
        Assert.Equal(1, (await Store.GetAsync("pirate"))!.Version);

        Assert.Equal(2, (await Store.PatchAsync("pirate", new ProfilePatch { Name = "x" }, expectedVersion: 1)).Version);
        Assert.Equal(1, (await Store.PutAsync(Pirate("fresh"), expectedVersion: 0)).Version);
        Assert.True(await Store.DeleteAsync("pirate", expectedVersion: 2));
    }

    [Fact]
    public async Task The_default_and_the_active_profile_cannot_be_deleted()
    {
        await Store.PutAsync(Pirate());
        await Assert.ThrowsAsync<ProfileInUseException>(() => Store.DeleteAsync(ProfileIds.Default).AsTask());
        await Store.SetActiveProfileIdAsync("pirate");
        Assert.Equal("pirate", await Store.GetActiveProfileIdAsync());
        await Assert.ThrowsAsync<ProfileInUseException>(() => Store.DeleteAsync("pirate").AsTask());
        Assert.NotNull(await Store.GetAsync("pirate"));

        await Store.SetActiveProfileIdAsync(ProfileIds.Default);
        Assert.True(await Store.DeleteAsync("pirate"));
        Assert.Null(await Store.GetAsync("pirate"));
        Assert.False(await Store.DeleteAsync("pirate"));
    }

    [Fact]
    public async Task Activating_an_unknown_profile_fails_and_changes_nothing()
    {
        await Assert.ThrowsAsync<ProfileNotFoundException>(() => Store.SetActiveProfileIdAsync("ghost").AsTask());
        await Assert.ThrowsAsync<ProfileNotFoundException>(() => Store.SetActiveProfileIdAsync("../etc").AsTask());
        Assert.Equal(ProfileIds.Default, await Store.GetActiveProfileIdAsync());
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("dot.ted")]
    [InlineData("active")]
    public async Task Malformed_ids_are_rejected_or_not_found(string id)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Pirate() with { Id = id }).AsTask());
        Assert.Equal("id", error.ParamName);
        Assert.Null(await Store.GetAsync(id));
        Assert.False(await Store.DeleteAsync(id));
        await Assert.ThrowsAsync<ProfileNotFoundException>(() => Store.PatchAsync(id, new ProfilePatch { Name = "x" }).AsTask());
    }

    [Theory]
    [InlineData("name")]
    [InlineData("visual.accentColor")]
    [InlineData("memoryScope")]
    [InlineData("allowedTools")]
    [InlineData("visual.avatarMediaId")]
    [InlineData("modelId")]
    public async Task Invalid_profiles_are_refused_naming_the_member(string member)
    {
        var profile = member switch
        {
            "name" => Pirate() with { Name = " " },
            "visual.accentColor" => Pirate() with { Visual = new ProfileVisual { AccentColor = "red" } },
            "memoryScope" => Pirate() with { MemoryScope = "../other" },
            "allowedTools" => Pirate() with { AllowedTools = ["calculate", "calculate"] },
            "visual.avatarMediaId" => Pirate() with { Visual = new ProfileVisual { AvatarMediaId = "../../etc/passwd" } },
            _ => Pirate() with { ModelId = "profile:other" },
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(profile).AsTask());
        Assert.Equal(member, error.ParamName);
        Assert.Null(await Store.GetAsync("pirate"));
    }

    [Fact]
    public async Task An_invalid_patch_changes_nothing()
    {
        await Store.PutAsync(Pirate());
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PatchAsync("pirate", new ProfilePatch { Name = "ok", AccentColor = "#12345" }).AsTask());
        var read = await Store.GetAsync("pirate");
        Assert.Equal(("Captain", 1L), (read!.Name, read.Version));
    }

    [Fact]
    public async Task Concurrent_patches_are_all_applied()
    {
        await Store.PutAsync(Pirate());
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Store.PatchAsync("pirate", new ProfilePatch { Description = "d" + i }).AsTask()));
        Assert.Equal(21, (await Store.GetAsync("pirate"))!.Version);
    }
}
