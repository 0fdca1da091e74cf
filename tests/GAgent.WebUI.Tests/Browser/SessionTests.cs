using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.WebUI.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GAgent.WebUI.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class SessionTests(ChromiumFixture chromium) : WebUITest(chromium)
{
    [Fact]
    public async Task Sessions_are_renamed_pinned_and_deleted_from_the_sidebar()
    {
        var first = await CreateSessionAsync("Trip planning");
        await CreateSessionAsync("Groceries");
        await OpenAsync($"#/s/{first}");
        var items = Page.GetByTestId("session-item");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Send message" })).ToBeVisibleAsync(); // no run: no stop button

        await Page.GetByRole(AriaRole.Button, new() { Name = "Rename Trip planning" }).ClickAsync();
        var input = Page.GetByLabel("New session title");
        await input.FillAsync("Summer trip");
        await input.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Summer trip" })).ToBeVisibleAsync();
        Assert.Equal("Summer trip", (await GetSessionAsync(first)).GetProperty("title").GetString());

        await Page.GetByRole(AriaRole.Button, new() { Name = "Pin Summer trip" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Unpin Summer trip" })).ToBeVisibleAsync();
        Assert.True((await GetSessionAsync(first)).GetProperty("pinned").GetBoolean());

        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search chats" }).FillAsync("groc");
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items).ToContainTextAsync("Groceries");
        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search chats" }).FillAsync(string.Empty);
        await Expect(items).ToHaveCountAsync(2);
        await ScreenshotAsync("sessions");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete Summer trip" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Delete this chat?" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(items).ToHaveCountAsync(1);
        using var gone = await Host.Client.GetAsync($"/api/sessions/{first}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_long_session_opens_at_its_tail_and_loads_older_pages_on_scroll()
    {
        var id = await CreateSessionAsync("Long");
        for (var i = 1; i <= 30; i++)
        {
            using var response = await Host.Client.PostAsJsonAsync($"/api/sessions/{id}/messages?stream=false", new { content = $"Question {i}" });
            response.EnsureSuccessStatusCode();
            var run = await response.Content.ReadFromJsonAsync<JsonElement>();
            await WaitForRunAsync(run.GetProperty("id").GetString()!);
        }

        await OpenAsync($"#/s/{id}");
        var users = Page.GetByTestId("user-turn");
        await Expect(users.Last).ToContainTextAsync("Question 30");
        Assert.True(await users.CountAsync() < 30, "only the tail is loaded first");

        var transcript = Page.GetByTestId("transcript");
        for (var count = await users.CountAsync(); count < 30; count = await users.CountAsync())
        {
            // Scrolling to the top loads the previous page, which grows the transcript.
            await transcript.EvaluateAsync("box => box.scrollTo(0, 0)");
            await Page.WaitForFunctionAsync("n => document.querySelectorAll('[data-testid=user-turn]').length > n", count);
        }

        await Expect(users).ToHaveCountAsync(30);
        await Expect(users.First).ToContainTextAsync("Question 1");
    }

    private async Task<string> CreateSessionAsync(string title)
    {
        using var response = await Host.Client.PostAsJsonAsync("/api/sessions", new { title });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> GetSessionAsync(string id) => await Host.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");

    private async Task WaitForRunAsync(string runId)
    {
        using var events = await Host.Client.GetAsync($"/api/runs/{runId}/events", HttpCompletionOption.ResponseContentRead);
        events.EnsureSuccessStatusCode();
    }
}
