using System.Net.Http.Json;
using System.Text.Json;
using GAgent.WebUI.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GAgent.WebUI.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class RoutineTests(ChromiumFixture chromium) : WebUITest(chromium)
{
    [Fact]
    public async Task A_routine_created_in_the_ui_runs_now_into_its_chat_and_can_be_disabled_and_deleted()
    {
        using var created = await Host.Client.PostAsJsonAsync("/api/sessions", new { title = "Briefings" });
        var sessionId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        await OpenAsync("#/p/routines");
        await Expect(Page.GetByText("No routines yet.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "New routine" }).ClickAsync();
        await Page.GetByLabel("Id (optional)").FillAsync("brief");
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Morning brief");
        await Page.GetByLabel("Prompt").FillAsync("Say hello for the morning brief");
        await Page.GetByLabel("Cron expression").FillAsync("0 8 * * MON-FRI");
        await Page.GetByLabel("Target chat").SelectOptionAsync(sessionId);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        var row = Page.GetByTestId("routine-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Morning brief");
        await Expect(row).ToContainTextAsync("0 8 * * MON-FRI UTC");
        await Expect(row.GetByTestId("routine-last-run")).ToHaveTextAsync("never");

        await row.GetByRole(AriaRole.Button, new() { Name = "Run Morning brief now" }).ClickAsync();
        await Expect(row.GetByTestId("routine-last-run")).ToContainTextAsync("completed");
        var messages = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/messages");
        Assert.Contains(messages.GetProperty("items").EnumerateArray(), m => m.GetProperty("text").GetString() == "Say hello for the morning brief");
        await ScreenshotAsync("routines");

        await row.GetByRole(AriaRole.Button, new() { Name = "Disable Morning brief" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Disabled");
        var routine = await Host.Client.GetFromJsonAsync<JsonElement>("/api/routines/brief");
        Assert.False(routine.GetProperty("enabled").GetBoolean());

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete Morning brief" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(Page.GetByText("No routines yet.")).ToBeVisibleAsync();
    }
}
