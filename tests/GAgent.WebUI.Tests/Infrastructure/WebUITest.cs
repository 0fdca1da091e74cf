using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GAgent.WebUI.Tests.Infrastructure;

/// <summary>Base of the browser tests: a real GAgent host with <see cref="FakeModel"/> and a fresh browser page.</summary>
public abstract class WebUITest(ChromiumFixture chromium) : IAsyncLifetime
{
    public static readonly string ScreenshotDirectory = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");

    private IBrowserContext? _context;

    protected FakeModel Model { get; } = new();

    protected GAgentTestHost Host { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    protected virtual ViewportSize Viewport => new() { Width = 1280, Height = 800 };

    /// <summary>Configuration of the host (e.g. API keys).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public virtual async Task InitializeAsync()
    {
        Host = await GAgentTestHost.StartAsync(builder => builder
            .AddChatClient("scripted", Model.Client)
            .AddTool((string city) => $"Sunny in {city}, 21 °C", "get_weather", "Current weather for a city"),
            Settings);
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport, ColorScheme = ColorScheme.Light });
        _context.SetDefaultTimeout(15_000);
        Page = await _context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (ConsoleErrors)
                {
                    ConsoleErrors.Add(message.Text);
                }
            }
        };
    }

    /// <summary>Errors the page logged (a Content-Security-Policy violation shows up here).</summary>
    protected List<string> ConsoleErrors { get; } = [];

    protected void AssertNoCspViolations()
    {
        lock (ConsoleErrors)
        {
            Assert.DoesNotContain(ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        }
    }

    public virtual async Task DisposeAsync()
    {
        Model.Release.TrySetResult();
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        await Host.DisposeAsync();
    }

    /// <summary>Opens the UI and waits for its live connection.</summary>
    protected async Task OpenAsync(string hash = "#/")
    {
        await Page.GotoAsync(new Uri(Host.BaseAddress, "/" + hash).ToString());
        await WaitForLiveAsync();
    }

    protected async Task WaitForLiveAsync()
    {
        await Assertions.Expect(Page.GetByRole(AriaRole.Status, new() { Name = "Live connection: open" })).ToBeVisibleAsync();
    }

    protected async Task SendAsync(string text)
    {
        var box = Page.GetByLabel("Message", new() { Exact = true });
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    protected async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") });
    }

    protected ILocator AssistantTurns => Page.GetByTestId("assistant-turn");

    protected IServiceProvider Services => Host.Services;
}
