using GAgent.WebUI.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GAgent.WebUI.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class ApiKeyTests(ChromiumFixture chromium) : WebUITest(chromium)
{
    private static readonly string Key = "webui-test-key-" + new string('x', 32);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["GAgent:ApiKeys:0:Key"] = Key };

    [Fact]
    public async Task When_the_server_wants_a_key_the_ui_asks_for_it_and_then_works()
    {
        await Page.GotoAsync(new Uri(Host.BaseAddress, "/").ToString());
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "API key required" });
        await Expect(dialog).ToBeVisibleAsync();

        await dialog.GetByLabel("API key").FillAsync(Key);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await WaitForLiveAsync();

        await SendAsync("Hello with a key");
        await Expect(AssistantTurns.Last).ToHaveAttributeAsync("data-status", "done");
        await Expect(Page.GetByTestId("session-item")).ToHaveCountAsync(1);
        Assert.Equal(Key, await Page.EvaluateAsync<string>("() => localStorage.getItem('gagent.apiKey')"));
    }
}
