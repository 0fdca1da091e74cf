using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;

namespace GAgent.AspNetCore.Tests.Profiles;

/// <summary>Profiles offered as OpenAI models, and profile isolation seen through the HTTP surfaces.</summary>
public sealed class ProfileModelsTests
{
    private static Infrastructure.ScriptedChatClient Echo() => new((messages, _, ct) => Infrastructure.ScriptedChatClient.Respond([new TextContent("echo: " + messages[^1].Text)], Microsoft.Extensions.AI.ChatFinishReason.Stop, ct));

    private static async Task PutAsync(GAgentTestHost host, string id, string json)
    {
        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/" + id, json));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Models_list_profiles_as_profile_ids_and_a_profile_model_runs_with_its_persona()
    {
        var model = Echo();
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("echo", model));
        await PutAsync(host, "pirate", """{"name":"Pirate","persona":"You are a pirate."}""");
        var openai = host.CreateOpenAIClient();

        var models = (await openai.GetOpenAIModelClient().GetModelsAsync()).Value;
        Assert.Equal(["echo", "profile:pirate"], models.Select(static m => m.Id));
        Assert.Equal("profile:pirate", (await openai.GetOpenAIModelClient().GetModelAsync("profile:pirate")).Value.Id);
        Assert.Equal("profile:default", (await openai.GetOpenAIModelClient().GetModelAsync("profile:default")).Value.Id);
        var missing = await Assert.ThrowsAsync<ClientResultException>(() => openai.GetOpenAIModelClient().GetModelAsync("profile:ghost"));
        Assert.Equal(404, missing.Status);

        var completion = (await openai.GetChatClient("profile:pirate").CompleteChatAsync([new UserChatMessage("Ahoy")])).Value;
        Assert.Equal("profile:pirate", completion.Model);
        Assert.Equal("echo: Ahoy", completion.Content[0].Text);
        Assert.Equal("You are a pirate.", model.Calls[^1].Messages[0].Text);

        await openai.GetChatClient("echo").CompleteChatAsync([new UserChatMessage("Plain")]);
        Assert.DoesNotContain("pirate", model.Calls[^1].Messages[0].Text, StringComparison.OrdinalIgnoreCase);

        var unknown = await Assert.ThrowsAsync<ClientResultException>(() => openai.GetChatClient("profile:ghost").CompleteChatAsync([new UserChatMessage("x")]));
        Assert.Equal(404, unknown.Status);
    }

    [Fact]
    public async Task The_responses_api_runs_a_profile_model_with_its_persona()
    {
        var model = Echo();
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("echo", model));
        await PutAsync(host, "pirate", """{"name":"Pirate","persona":"You are a pirate."}""");

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/responses", """{"model":"profile:pirate","input":"Ahoy"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("profile:pirate", body.GetProperty("model").GetString());
        Assert.Equal("You are a pirate.", model.Calls[^1].Messages[0].Text);
    }

    [Fact]
    public async Task Sessions_on_two_profiles_keep_persona_memory_and_tools_apart_and_switching_keeps_history()
    {
        var model = Echo();
        await using var host = await GAgentTestHost.StartAsync(g =>
        {
            g.AddChatClient("echo", model)
                .AddTool(() => "4", "roll_dice", "Rolls a die.")
                .AddTool(() => "noon", "clock", "Tells the time.");
            g.Services.Configure<GAgentOptions>(o => o.Memory.Tools = true);
        });
        await PutAsync(host, "pirate", """{"name":"Pirate","persona":"You are a pirate.","allowedTools":["roll_dice","remember","recall"]}""");
        await PutAsync(host, "teacher", """{"name":"Teacher","persona":"You are a teacher.","allowedTools":["clock"]}""");
        using (await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/profiles/pirate/memory/entries", """{"entry":"Treasure is on Skull Island"}""")))
        using (await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/profiles/teacher/memory/entries", """{"entry":"Homework is due Monday"}""")))
        using (await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions", """{"id":"ship","profileId":"pirate"}""")))
        using (await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions", """{"id":"class","profileId":"teacher"}""")))
        {
        }

        await SendAsync(host, "ship", "Ahoy");
        var pirate = model.Calls[^1];
        await SendAsync(host, "class", "Morning");
        var teacher = model.Calls[^1];

        Assert.StartsWith("You are a pirate.", pirate.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Skull Island", pirate.Messages[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Homework", pirate.Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(["roll_dice", "remember", "recall"], pirate.Options!.Tools!.Select(static t => t.Name));
        Assert.StartsWith("You are a teacher.", teacher.Messages[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Skull", teacher.Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(["clock"], teacher.Options!.Tools!.Select(static t => t.Name));

        using var switched = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, "/api/sessions/ship", """{"profileId":"teacher"}"""));
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        await SendAsync(host, "ship", "Teach me");
        var after = model.Calls[^1];
        Assert.StartsWith("You are a teacher.", after.Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(["clock"], after.Options!.Tools!.Select(static t => t.Name));
        Assert.Equal(["Ahoy", "echo: Ahoy", "Teach me"], after.Messages.Skip(1).Select(static m => m.Text));

        var run = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/ship/messages");
        Assert.DoesNotContain(run.GetProperty("items").EnumerateArray(), static m => m.GetProperty("text").GetString() == "Morning");
    }

    private static async Task SendAsync(GAgentTestHost host, string sessionId, string text)
    {
        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/sessions/{sessionId}/messages", JsonSerializer.Serialize(new { content = text })));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await response.Content.ReadAsStringAsync();
        Assert.Contains("RUN_FINISHED", events, StringComparison.Ordinal);
    }
}
