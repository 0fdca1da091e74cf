using System.Net.Http.Json;
using System.Text.Json;
using GAgent.Tests.Shared;
using GAgent.WebUI.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GAgent.WebUI.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class ProfileTests(ChromiumFixture chromium) : WebUITest(chromium)
{
    [Fact]
    public async Task A_profile_created_and_made_active_answers_the_next_message_and_a_chat_can_switch_back()
    {
        await OpenAsync("#/p/profiles");
        await Page.GetByRole(AriaRole.Button, new() { Name = "New profile" }).ClickAsync();
        await Page.GetByLabel("Id", new() { Exact = true }).FillAsync("nemo");
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Captain Nemo");
        await Page.GetByLabel("Persona (system prompt)").FillAsync("You are Captain Nemo of the Nautilus.");
        await Page.GetByLabel("Accent colour").FillAsync("#aa3300");
        var avatar = Path.Combine(RepositoryRoot.Path, "src", "GAgent.WebUI.StaticAssets", "web", "public", "icon-192.png");
        await Page.GetByLabel("Avatar").SetInputFilesAsync(avatar);
        await Expect(Page.GetByAltText("Avatar preview")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        var items = Page.GetByTestId("profile-item");
        await Expect(items).ToHaveCountAsync(2);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make Captain Nemo the active profile" }).ClickAsync();
        await Expect(items.Filter(new() { HasText = "Captain Nemo" })).ToContainTextAsync("Active");
        await ScreenshotAsync("profiles");
        var active = await Host.Client.GetFromJsonAsync<JsonElement>("/api/profiles/active");
        Assert.Equal("nemo", active.GetProperty("profileId").GetString());

        // The next reply comes from the new profile: its persona reached the model, its name and avatar show.
        await Page.GetByRole(AriaRole.Button, new() { Name = "New chat" }).First.ClickAsync();
        await SendAsync("Who are you?");
        var answer = AssistantTurns.Last;
        await Expect(answer).ToContainTextAsync("Captain Nemo at your service.");
        await Expect(answer.Locator(".turn-name")).ToHaveTextAsync("Captain Nemo");
        await Expect(answer.GetByTestId("avatar-image")).ToBeVisibleAsync();

        // This chat switches to the default profile from the header; the next reply comes from it.
        var menu = Page.GetByLabel("Profile for this chat");
        await menu.SelectOptionAsync("default");
        await Expect(menu).ToHaveValueAsync("default");
        await Expect(menu).ToBeEnabledAsync();
        await SendAsync("Who are you, really?");
        await Expect(AssistantTurns).ToHaveCountAsync(2);
        await Expect(AssistantTurns.Last).ToContainTextAsync("Just the default assistant.");
        await Expect(AssistantTurns.Last.Locator(".turn-name")).ToHaveTextAsync("Default");
        Assert.Equal("default", await GetSessionProfileAsync());
    }

    private async Task<string?> GetSessionProfileAsync()
    {
        var id = Uri.UnescapeDataString(Page.Url[(Page.Url.IndexOf("#/s/", StringComparison.Ordinal) + 4)..]);
        var session = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
        return session.GetProperty("profileId").ValueKind == JsonValueKind.String ? session.GetProperty("profileId").GetString() : null;
    }
}
