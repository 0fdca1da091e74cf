using GAgent.WebUI.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GAgent.WebUI.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class PhoneLayoutTests(ChromiumFixture chromium) : WebUITest(chromium)
{
    protected override ViewportSize Viewport => new() { Width = 375, Height = 740 };

    [Fact]
    public async Task At_phone_width_the_sidebar_is_a_drawer_and_nothing_overflows()
    {
        await OpenAsync();
        var sidebar = Page.Locator("#sidebar");
        await Expect(sidebar).ToBeHiddenAsync();
        await SendAsync("Hello from a phone");
        await Expect(AssistantTurns.Last).ToHaveAttributeAsync("data-status", "done");
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "no horizontal scrolling at 375 px");
        await ScreenshotAsync("phone-chat");

        var menu = Page.GetByRole(AriaRole.Button, new() { Name = "Open the sidebar" });
        await menu.ClickAsync();
        await Expect(sidebar).ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Page.WaitForFunctionAsync("() => document.getElementById('sidebar').getBoundingClientRect().left >= 0");
        await ScreenshotAsync("phone-sidebar");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Expect(sidebar).ToBeHiddenAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 })).ToBeVisibleAsync();
    }
}

[Collection(BrowserTestGroup.Name)]
public sealed class PanelTests(ChromiumFixture chromium) : WebUITest(chromium)
{
    [Fact]
    public async Task The_dark_theme_is_chosen_in_settings_and_kept_after_a_reload()
    {
        await OpenAsync("#/p/settings");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Dark" }).CheckAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Page.ReloadAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");

        await Page.GotoAsync(new Uri(Host.BaseAddress, "/#/").ToString());
        await SendAsync("What is the weather in Paris?");
        await Expect(AssistantTurns.Last).ToHaveAttributeAsync("data-status", "done");
        await AssistantTurns.Last.GetByTestId("tool-block").Locator("summary").ClickAsync();
        await SendAsync("Hello in the dark");
        await Expect(AssistantTurns).ToHaveCountAsync(2);
        await Expect(AssistantTurns.Last).ToHaveAttributeAsync("data-status", "done");
        await ScreenshotAsync("chat-dark");

        await Page.GotoAsync(new Uri(Host.BaseAddress, "/#/p/settings").ToString());
        await Page.GetByRole(AriaRole.Radio, new() { Name = "System" }).CheckAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "light"); // the context prefers light
    }

    [Fact]
    public async Task The_models_and_channels_panels_list_the_server_state()
    {
        await OpenAsync("#/p/models");
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "scripted" })).ToBeVisibleAsync();
        await ScreenshotAsync("models");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Channels" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Channels", Level = 1 })).ToBeVisibleAsync();
        // Every host has the built-in websocket channel, running.
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "websocket" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Running" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Keyboard_shortcuts_start_a_new_chat_and_focus_the_composer()
    {
        await OpenAsync("#/p/models");
        await Page.Keyboard.PressAsync("Control+Shift+O");
        await Expect(Page.GetByLabel("Message", new() { Exact = true })).ToBeFocusedAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).FocusAsync();
        await Page.Keyboard.PressAsync("Shift+Escape");
        await Expect(Page.GetByLabel("Message", new() { Exact = true })).ToBeFocusedAsync();
    }
}
