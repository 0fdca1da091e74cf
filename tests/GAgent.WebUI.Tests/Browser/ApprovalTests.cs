using System.Net.Http.Json;
using System.Text.Json;
using GAgent.WebUI.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GAgent.WebUI.Tests.Browser;

/// <summary>The weather tool needs the owner's approval here (<c>GAgent:Approvals:RequireApproval</c>).</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ApprovalTests(ChromiumFixture chromium) : WebUITest(chromium)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["GAgent:Approvals:RequireApproval:0"] = "get_weather" };

    [Fact]
    public async Task An_approval_appears_inline_and_approving_it_continues_the_run_to_the_final_answer()
    {
        await OpenAsync();
        await SendAsync("What is the weather in Paris?");

        var approval = Page.GetByTestId("approval");
        await Expect(approval).ToHaveAttributeAsync("data-status", "pending");
        await Expect(approval.Locator(".approval-tool")).ToHaveTextAsync("get_weather");
        await Expect(approval.Locator(".approval-args")).ToContainTextAsync("\"city\": \"Paris\"");
        await Expect(AssistantTurns.First).ToHaveAttributeAsync("data-status", "interrupted");
        Assert.Equal(0, await Page.GetByText("sunny in Paris").CountAsync());
        await ScreenshotAsync("chat-approval");

        await approval.GetByRole(AriaRole.Button, new() { Name = "Approve once" }).ClickAsync();

        await Expect(approval).ToHaveAttributeAsync("data-status", "approved");
        var final = AssistantTurns.Last;
        await Expect(final).ToContainTextAsync("The weather tool says it is sunny in Paris.");
        await Expect(final).ToHaveAttributeAsync("data-status", "done");
        await Expect(AssistantTurns).ToHaveCountAsync(2); // the paused run and its continuation, in the same chat

        // After a reload the decided approval still shows in its run, with the outcome and without buttons.
        await Page.ReloadAsync();
        await WaitForLiveAsync();
        await Expect(Page.GetByTestId("approval")).ToHaveAttributeAsync("data-status", "approved");
        Assert.Equal(0, await Page.GetByTestId("approval").GetByRole(AriaRole.Button).CountAsync());
        await Expect(AssistantTurns.Last).ToContainTextAsync("The weather tool says it is sunny in Paris.");
    }

    [Fact]
    public async Task Denying_with_a_reason_gives_the_model_the_refusal_and_the_card_shows_it()
    {
        await OpenAsync();
        await SendAsync("What is the weather in Paris?");

        var approval = Page.GetByTestId("approval");
        await approval.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();
        await approval.GetByLabel("Reason for denying (optional)").FillAsync("not today");
        await approval.GetByRole(AriaRole.Button, new() { Name = "Confirm deny" }).ClickAsync();

        await Expect(approval).ToHaveAttributeAsync("data-status", "denied");
        await Expect(approval).ToContainTextAsync("Denied: not today");
        await Expect(AssistantTurns).ToHaveCountAsync(2);
        await Expect(AssistantTurns.Last).ToHaveAttributeAsync("data-status", "done");
    }

    [Fact]
    public async Task The_approvals_panel_lists_new_requests_live_and_an_always_grant_can_be_revoked()
    {
        await OpenAsync("#/p/approvals");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Approvals" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("No tool call is waiting for a decision.")).ToBeVisibleAsync();

        // A run started elsewhere (REST) pauses for approval: the panel shows it without a manual refresh.
        var sessionId = await AskForWeatherOverRestAsync();
        var approval = Page.GetByTestId("pending-approvals").GetByTestId("approval");
        await Expect(approval).ToHaveCountAsync(1);
        await Expect(approval).ToContainTextAsync(sessionId);

        await approval.GetByRole(AriaRole.Button, new() { Name = "Always" }).ClickAsync();
        await Expect(Page.GetByText("No tool call is waiting for a decision.")).ToBeVisibleAsync();
        var grants = Page.GetByTestId("grants");
        await Expect(grants.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(grants).ToContainTextAsync("get_weather");
        await Expect(grants).ToContainTextAsync("always");
        await ScreenshotAsync("approvals");

        await grants.GetByRole(AriaRole.Button, new() { Name = "Revoke the grant for get_weather" }).ClickAsync();
        await Expect(Page.GetByText("No grants.")).ToBeVisibleAsync();
        var left = await Host.Client.GetFromJsonAsync<JsonElement>("/api/approvals/grants");
        Assert.Equal(0, left.GetProperty("items").GetArrayLength());
    }

    private async Task<string> AskForWeatherOverRestAsync()
    {
        using var created = await Host.Client.PostAsJsonAsync("/api/sessions", new { title = "Elsewhere" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var response = await Host.Client.PostAsJsonAsync($"/api/sessions/{id}/messages?stream=false", new { content = "What is the weather in Paris?" });
        response.EnsureSuccessStatusCode();
        return id;
    }
}
