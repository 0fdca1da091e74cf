using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Models;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;

namespace GAgent.AspNetCore.Tests.OpenAI;

/// <summary>A real provider configured through the GAgent:OpenAI section, end to end over HTTP on both sides.</summary>
public sealed class ProviderConfigurationTests
{
    [Fact]
    public async Task The_configured_provider_answers_and_the_demo_model_is_never_the_default()
    {
        await using var upstream = await UpstreamOpenAIServer.StartAsync("Hello from upstream");
        var settings = new Dictionary<string, string?>
        {
            ["GAgent:OpenAI:Endpoint"] = upstream.Endpoint.ToString(),
            ["GAgent:OpenAI:ApiKey"] = "upstream-key",
            ["GAgent:OpenAI:Model"] = "upstream-model",
            ["GAgent:OpenAI:ModelAlias"] = "house-model",
            ["GAgent:OpenAI:MaxRetries"] = "0",
        };
        await using var host = await GAgentTestHost.StartAsync(g => g.UseOfflineDemoModel(), settings);

        var catalog = host.Services.GetRequiredService<IModelCatalog>();
        Assert.Equal("house-model", catalog.DefaultModel.Id);
        Assert.Equal(["house-model", "gagent-demo"], catalog.Models.Select(m => m.Id));

        var completion = (await host.CreateOpenAIClient().GetChatClient("house-model").CompleteChatAsync([new UserChatMessage("Hi")])).Value;
        Assert.Equal("Hello from upstream", completion.Content[0].Text);
        Assert.Equal(10, completion.Usage.TotalTokenCount);

        using var sent = JsonDocument.Parse(Assert.Single(upstream.Requests));
        Assert.Equal("upstream-model", sent.RootElement.GetProperty("model").GetString());
        Assert.False(sent.RootElement.TryGetProperty("stream", out var stream) && stream.GetBoolean(), "A non-streamed request is forwarded non-streamed.");
        var messages = sent.RootElement.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Equal("Hi", messages[1].GetProperty("content").GetString() ?? messages[1].GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_streamed_request_streams_from_the_configured_provider()
    {
        await using var upstream = await UpstreamOpenAIServer.StartAsync("Hello from upstream");
        var settings = new Dictionary<string, string?>
        {
            ["GAgent:OpenAI:Endpoint"] = upstream.Endpoint.ToString(),
            ["GAgent:OpenAI:Model"] = "upstream-model",
            ["GAgent:OpenAI:MaxRetries"] = "0",
        };
        await using var host = await GAgentTestHost.StartAsync(g => { }, settings);

        var text = new System.Text.StringBuilder();
        var updates = 0;
        await foreach (var update in host.CreateOpenAIClient().GetChatClient("upstream-model").CompleteChatStreamingAsync([new UserChatMessage("Hi")]))
        {
            foreach (var part in update.ContentUpdate.Where(static p => p.Text.Length > 0))
            {
                text.Append(part.Text);
                updates++;
            }
        }

        Assert.Equal("Hello from upstream", text.ToString());
        Assert.Equal(3, updates);
        using var sent = JsonDocument.Parse(Assert.Single(upstream.Requests));
        Assert.True(sent.RootElement.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task A_provider_section_without_a_model_fails_at_start_saying_so()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GAgentTestHost.StartAsync(g => { }, new Dictionary<string, string?> { ["GAgent:OpenAI:ApiKey"] = "k" }));
        Assert.Contains("GAgent:OpenAI:Model is required", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_model_at_all_fails_at_start_naming_the_fix()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GAgentTestHost.StartAsync(g => { }));
        Assert.Contains("UseOfflineDemoModel()", error.ToString(), StringComparison.Ordinal);
    }
}
