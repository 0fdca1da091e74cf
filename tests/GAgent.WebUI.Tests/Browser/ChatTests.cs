using System.Net.Http.Json;
using System.Text.Json;
using GAgent.Tests.Shared;
using GAgent.WebUI.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GAgent.WebUI.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class ChatTests(ChromiumFixture chromium) : WebUITest(chromium)
{
    [Fact]
    public async Task A_streamed_answer_appears_as_safe_markdown_with_highlighted_code()
    {
        await OpenAsync();
        await SendAsync("Hello there");

        var answer = AssistantTurns.Last;
        await Expect(answer).ToHaveAttributeAsync("data-status", "done");
        await Expect(answer.Locator("strong").First).ToHaveTextAsync("bold");
        var code = answer.Locator("pre.code-block code.hljs");
        await Expect(code).ToContainTextAsync("var answer = 42;");
        await Expect(code.Locator(".hljs-keyword").First).ToBeVisibleAsync();
        await Expect(answer.GetByRole(AriaRole.Button, new() { Name = "Copy code" })).ToBeVisibleAsync();
        await Expect(answer.GetByTestId("usage")).ToHaveTextAsync("15 tokens");
        await Expect(answer.GetByTestId("latency")).ToBeVisibleAsync();

        // Model output cannot inject markup: the <script> is text, the javascript: link is not a link.
        await Expect(answer).ToContainTextAsync("<script>window.injected = true</script>");
        Assert.Equal(0, await answer.Locator("script").CountAsync());
        Assert.Equal(0, await answer.Locator("a[href^='javascript']").CountAsync());
        Assert.False(await Page.EvaluateAsync<bool>("() => window.injected === true"));

        // The new session is in the sidebar and the URL points at it.
        await Expect(Page.GetByTestId("session-item")).ToHaveCountAsync(1);
        Assert.Contains("#/s/", Page.Url, StringComparison.Ordinal);
        AssertNoCspViolations();
        await ScreenshotAsync("chat");
    }

    [Fact]
    public async Task A_tool_call_appears_as_a_block_that_expands_to_arguments_and_result()
    {
        await OpenAsync();
        await SendAsync("What is the weather in Paris?");

        var answer = AssistantTurns.Last;
        await Expect(answer).ToHaveAttributeAsync("data-status", "done");
        await Expect(answer).ToContainTextAsync("sunny in Paris");
        var tool = answer.GetByTestId("tool-block");
        await Expect(tool.Locator(".tool-name")).ToHaveTextAsync("get_weather");
        await Expect(tool.Locator(".tool-args")).ToBeHiddenAsync();

        await tool.Locator("summary").ClickAsync();
        await Expect(tool.Locator(".tool-args")).ToContainTextAsync("\"city\": \"Paris\"");
        await Expect(tool.Locator(".tool-result")).ToContainTextAsync("Sunny in Paris, 21 °C");
        await ScreenshotAsync("tool-call");
    }

    [Fact]
    public async Task An_uploaded_image_shows_a_thumbnail_and_opens_in_the_lightbox()
    {
        await OpenAsync();
        var image = Path.Combine(RepositoryRoot.Path, "src", "GAgent.WebUI.StaticAssets", "web", "public", "icon-192.png");
        await Page.GetByTestId("file-input").SetInputFilesAsync(image);

        var pending = Page.GetByTestId("pending-attachment");
        await Expect(pending.Locator("img")).ToBeVisibleAsync();
        await Expect(pending.Locator("progress")).ToHaveCountAsync(0); // uploaded
        await SendAsync("What is in this picture?");

        await Expect(AssistantTurns.Last).ToContainTextAsync("I can see the image you sent.");
        var thumbnail = Page.GetByTestId("user-turn").Last.GetByTestId("message-image");
        await Expect(thumbnail).ToBeVisibleAsync();
        Assert.True(await thumbnail.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 192"));

        await thumbnail.ClickAsync();
        var lightbox = Page.GetByTestId("lightbox");
        await Expect(lightbox).ToBeVisibleAsync();
        await Expect(lightbox.Locator("img")).ToBeVisibleAsync();
        await ScreenshotAsync("lightbox");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(lightbox).ToHaveCountAsync(0);
        AssertNoCspViolations();
    }

    [Fact]
    public async Task Files_dropped_on_the_chat_or_pasted_into_the_message_box_are_attached()
    {
        await OpenAsync();
        const string MakeTransfer = """
            async name => {
              const blob = await (await fetch('icon-192.png')).blob();
              const transfer = new DataTransfer();
              transfer.items.add(new File([blob], name, { type: 'image/png' }));
              return transfer;
            }
            """;
        var dropped = await Page.EvaluateHandleAsync(MakeTransfer, "dropped.png");
        await Page.Locator("section.chat").DispatchEventAsync("drop", new { dataTransfer = dropped });
        var pasted = await Page.EvaluateHandleAsync(MakeTransfer, "pasted.png");
        await Page.GetByLabel("Message", new() { Exact = true }).EvaluateAsync(
            "(box, transfer) => box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))",
            pasted);

        var pending = Page.GetByTestId("pending-attachment");
        await Expect(pending).ToHaveCountAsync(2);
        await Expect(pending.Nth(0)).ToContainTextAsync("dropped.png");
        await Expect(pending.Nth(1)).ToContainTextAsync("pasted.png");
        await Expect(pending.Locator("progress")).ToHaveCountAsync(0);
        await SendAsync("Two pictures");
        await Expect(Page.GetByTestId("user-turn").Last.GetByTestId("message-image")).ToHaveCountAsync(2);
        await Expect(AssistantTurns.Last).ToContainTextAsync("I can see the image you sent.");
    }

    [Fact]
    public async Task Reloading_mid_stream_resumes_and_the_answer_completes()
    {
        await OpenAsync();
        await SendAsync("Please be slow");
        await Expect(AssistantTurns.Last).ToContainTextAsync("Working on it");
        await Expect(AssistantTurns.Last).ToHaveAttributeAsync("data-status", "streaming");

        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Status, new() { Name = "Live connection: open" })).ToBeVisibleAsync();
        await Expect(AssistantTurns.Last).ToContainTextAsync("Working on it");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Stop the answer" })).ToBeVisibleAsync();

        Model.Release.SetResult();
        await Expect(AssistantTurns.Last).ToContainTextAsync("Working on it, all done.");
        await Expect(AssistantTurns.Last).ToHaveAttributeAsync("data-status", "done");
        await Expect(Page.Locator("[data-status='streaming']")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Send message" })).ToBeVisibleAsync();
        await Expect(AssistantTurns).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_dropped_connection_reconnects_and_resumes_without_losing_or_repeating_events()
    {
        var sockets = new List<IWebSocketRoute>();
        await Page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/api/ws"), socket =>
        {
            socket.ConnectToServer();
            lock (sockets)
            {
                sockets.Add(socket);
            }
        });
        await OpenAsync();
        await SendAsync("slow, then a network blip");
        await Expect(AssistantTurns.Last).ToContainTextAsync("Working on it");

        // The network drops; the rest of the answer is produced while the page is disconnected.
        await sockets[0].CloseAsync(new() { Code = 4000, Reason = "network blip" });
        Model.Release.SetResult();

        await Expect(AssistantTurns.Last).ToHaveAttributeAsync("data-status", "done");
        await Expect(AssistantTurns.Last.Locator(".markdown")).ToHaveTextAsync("Working on it, all done.");
        await Expect(Page.GetByRole(AriaRole.Status, new() { Name = "Live connection: open" })).ToBeVisibleAsync();
        lock (sockets)
        {
            Assert.True(sockets.Count >= 2, "the page opened a new socket");
        }
    }

    [Fact]
    public async Task Stop_ends_the_answer_mid_stream()
    {
        await OpenAsync();
        await SendAsync("slow please");
        await Expect(AssistantTurns.Last).ToContainTextAsync("Working on it");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Stop the answer" }).ClickAsync();
        await Model.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await Expect(AssistantTurns.Last).ToHaveAttributeAsync("data-status", "cancelled");
        await Expect(AssistantTurns.Last).ToContainTextAsync("Stopped.");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Send message" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Edit_and_resend_puts_the_message_back_and_retry_asks_again()
    {
        await OpenAsync();
        await SendAsync("Hello once");
        await Expect(AssistantTurns.Last).ToHaveAttributeAsync("data-status", "done");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Retry: send the question again" }).ClickAsync();
        await Expect(AssistantTurns).ToHaveCountAsync(2);
        await Expect(AssistantTurns.Last).ToHaveAttributeAsync("data-status", "done");
        await Expect(Page.GetByTestId("user-turn")).ToHaveCountAsync(2);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Edit and resend this message" }).First.ClickAsync();
        var box = Page.GetByLabel("Message", new() { Exact = true });
        await Expect(box).ToHaveValueAsync("Hello once");
        await box.FillAsync("Hello edited");
        await box.PressAsync("Enter");
        await Expect(Page.GetByTestId("user-turn").Last).ToContainTextAsync("Hello edited");
        await Expect(AssistantTurns).ToHaveCountAsync(3);

        var sessionId = Uri.UnescapeDataString(Page.Url[(Page.Url.IndexOf("#/s/", StringComparison.Ordinal) + 4)..]);
        var page = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/messages");
        var users = page.GetProperty("items").EnumerateArray().Where(m => m.GetProperty("role").GetString() == "user").Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Hello once", "Hello once", "Hello edited"], users);
    }
}
