using System.Net.Http.Json;
using System.Text.Json;
using GAgent.WebUI.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GAgent.WebUI.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class MemoryAndSkillTests(ChromiumFixture chromium) : WebUITest(chromium)
{
    [Fact]
    public async Task The_memory_of_the_active_profile_is_edited_as_markdown_and_rendered_safely()
    {
        await OpenAsync("#/p/memory");
        await Expect(Page.GetByText("Nothing remembered yet.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Page.GetByLabel("Memory (Markdown)").FillAsync("- Likes **tea**\n- <img src=x onerror=\"window.hacked=1\">");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var view = Page.GetByTestId("memory-view");
        await Expect(view.Locator("li strong")).ToHaveTextAsync("tea");
        Assert.Equal(0, await view.Locator("img").CountAsync());
        Assert.False(await Page.EvaluateAsync<bool>("() => window.hacked === 1"));
        var memory = await Host.Client.GetFromJsonAsync<JsonElement>("/api/profiles/default/memory");
        Assert.StartsWith("- Likes **tea**", memory.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_skill_shows_its_skill_md_and_can_be_disabled()
    {
        using var put = await Host.Client.PutAsJsonAsync("/api/skills/knots", new { content = "---\nname: Knots\ndescription: Tying sailing knots\n---\nUse a bowline for a fixed loop.\n" });
        put.EnsureSuccessStatusCode();

        await OpenAsync("#/p/skills");
        var row = Page.GetByTestId("skill-row");
        await Expect(row).ToContainTextAsync("Tying sailing knots");
        await row.GetByRole(AriaRole.Button, new() { Name = "Knots" }).ClickAsync();
        await Expect(Page.GetByTestId("skill-text")).ToContainTextAsync("Use a bowline for a fixed loop.");

        var enabled = row.GetByRole(AriaRole.Checkbox, new() { Name = "Knots enabled" });
        await Expect(enabled).ToBeCheckedAsync();
        await enabled.ClickAsync();
        await Expect(enabled).Not.ToBeCheckedAsync();
        var skill = await Host.Client.GetFromJsonAsync<JsonElement>("/api/skills/knots");
        Assert.False(skill.GetProperty("enabled").GetBoolean());
    }
}
