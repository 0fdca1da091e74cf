using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Profiles;

public sealed class ProvidersAndStatusTests
{
    private const string Secret = "sk-very-secret-0123456789abcdef";

    [Fact]
    public async Task Providers_list_kinds_hosts_and_models_but_never_keys()
    {
        await using var host = await GAgentTestHost.StartAsync(g => g
            .UseOpenAI(o =>
            {
                o.Endpoint = new Uri("http://127.0.0.1:9/v1");
                o.ApiKey = Secret;
                o.Model = "llama3";
                o.ModelAlias = "local";
            })
            .UseOfflineDemoModel(o => o.WordDelay = TimeSpan.Zero));

        var text = await host.Client.GetStringAsync("/api/providers");
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal("local", root.GetProperty("defaultModel").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        var openai = Assert.Single(items, static p => p.GetProperty("kind").GetString() == "openai");
        Assert.Equal("127.0.0.1:9", openai.GetProperty("host").GetString());
        var model = Assert.Single(openai.GetProperty("models").EnumerateArray());
        Assert.Equal(("local", "llama3", true), (model.GetProperty("id").GetString(), model.GetProperty("upstreamModel").GetString(), model.GetProperty("isDefault").GetBoolean()));
        var demo = Assert.Single(items, static p => p.GetProperty("kind").GetString() == "demo");
        Assert.True(Assert.Single(demo.GetProperty("models").EnumerateArray()).GetProperty("isDemo").GetBoolean());

        var status = await host.Client.GetStringAsync("/api/status");
        Assert.DoesNotContain(Secret, status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_reports_data_directory_runs_channels_providers_and_counts()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using (await host.Client.PostAsync("/api/sessions", null))
        {
        }

        using (await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/pirate", """{"name":"Pirate"}""")))
        {
        }

        using (await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/skills/knots", """{"content":"---\nname: Knots\ndescription: d\n---\n"}""")))
        {
        }

        var status = await host.Client.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.Equal(host.DataDirectory, status.GetProperty("dataDirectory").GetString());
        Assert.Equal(0, status.GetProperty("activeRuns").GetInt32());
        // The WebSocket surface is the one channel every host has.
        Assert.Equal(["websocket"], status.GetProperty("channels").EnumerateArray().Select(static c => c.GetProperty("name").GetString()));
        Assert.Equal(["demo"], status.GetProperty("providers").EnumerateArray().Select(static p => p.GetString()));
        Assert.Equal("default", status.GetProperty("activeProfileId").GetString());
        var counts = status.GetProperty("counts");
        Assert.Equal((1L, 2, 1, 1), (counts.GetProperty("sessions").GetInt64(), counts.GetProperty("profiles").GetInt32(), counts.GetProperty("skills").GetInt32(), counts.GetProperty("enabledSkills").GetInt32()));
        Assert.False(string.IsNullOrEmpty(status.GetProperty("version").GetString()));
    }
}
