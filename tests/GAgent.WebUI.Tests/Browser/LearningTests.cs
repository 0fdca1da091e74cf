using System.Net.Http.Json;
using System.Text.Json;
using GAgent.WebUI.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GAgent.WebUI.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class LearningTests(ChromiumFixture chromium) : WebUITest(chromium)
{
    [Fact]
    public async Task A_proposed_candidate_is_previewed_as_a_diff_edited_and_approved_and_applied_from_the_ui()
    {
        await OpenAsync("#/p/learning");
        await Expect(Page.GetByText("The queue is empty.")).ToBeVisibleAsync();

        // Proposed elsewhere (REST): the panel picks it up from the live notification.
        using var proposed = await Host.Client.PostAsJsonAsync("/api/learning", new
        {
            kind = "memory",
            title = "Works nights",
            reason = "Mentioned it twice",
            memory = new { profileId = "default", entry = "The user works nights" },
        });
        proposed.EnsureSuccessStatusCode();

        var item = Page.GetByTestId("learning-item");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync("pending");
        await item.ClickAsync();

        var detail = Page.GetByTestId("learning-detail");
        await Expect(detail).ToHaveAttributeAsync("data-status", "pending");
        await Expect(detail.Locator(".diff-add")).ToContainTextAsync("The user works nights");

        await detail.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await detail.GetByLabel("Memory entry for default").FillAsync("The user works night shifts");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(detail.Locator(".diff-add")).ToContainTextAsync("The user works night shifts");
        await ScreenshotAsync("learning");

        await detail.GetByRole(AriaRole.Button, new() { Name = "Approve and apply" }).ClickAsync();
        await Expect(detail).ToHaveAttributeAsync("data-status", "applied");
        await Expect(item).ToContainTextAsync("applied");

        var memory = await Host.Client.GetFromJsonAsync<JsonElement>("/api/profiles/default/memory");
        Assert.Contains("The user works night shifts", memory.GetProperty("content").GetString(), StringComparison.Ordinal);
    }
}
