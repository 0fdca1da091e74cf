using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Events;
using GAgent.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Profiles;

public sealed class ProfilesApiTests
{
    private const string Pirate = """
        {"name":"Captain","persona":"You are a pirate.","modelId":"gagent-demo","allowedTools":["calculate","remember"],
         "toolsRequiringApproval":["calculate"],"visual":{"accentColor":"#aa3300","theme":"dark"}}
        """;

    [Fact]
    public async Task Create_read_patch_list_and_delete_a_profile_with_events()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var events = new NotificationRecorder(host.Services);
        var client = host.Client;

        using var created = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/pirate", Pirate));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pirate", body.GetProperty("id").GetString());
        Assert.Equal("profile:pirate", body.GetProperty("modelAlias").GetString());
        Assert.Equal("pirate", body.GetProperty("memoryScope").GetString());
        Assert.False(body.GetProperty("allToolsAllowed").GetBoolean());
        Assert.Equal("dark", body.GetProperty("visual").GetProperty("theme").GetString());
        Assert.False(body.GetProperty("active").GetBoolean());
        Assert.Equal("pirate", Assert.Single(events.Named(GAgentEventNames.ProfileUpdated)).Value.GetProperty("id").GetString());

        using var patched = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, "/api/profiles/pirate", """{"name":"Hook","allowedTools":null,"visual":{"theme":"light"}}"""));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var patchedBody = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Hook", patchedBody.GetProperty("name").GetString());
        Assert.True(patchedBody.GetProperty("allToolsAllowed").GetBoolean());
        Assert.Equal("You are a pirate.", patchedBody.GetProperty("persona").GetString());
        Assert.Equal("#aa3300", patchedBody.GetProperty("visual").GetProperty("accentColor").GetString());
        Assert.Equal("light", patchedBody.GetProperty("visual").GetProperty("theme").GetString());
        Assert.Equal(2, patchedBody.GetProperty("version").GetInt64());

        var list = await client.GetFromJsonAsync<JsonElement>("/api/profiles");
        Assert.Equal(["default", "pirate"], list.GetProperty("items").EnumerateArray().Select(static p => p.GetProperty("id").GetString()));
        Assert.Equal("default", list.GetProperty("activeProfileId").GetString());
        Assert.True(list.GetProperty("items")[0].GetProperty("builtIn").GetBoolean());

        using var deleted = await client.DeleteAsync("/api/profiles/pirate");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("pirate", Assert.Single(events.Named(GAgentEventNames.ProfileDeleted)).Value.GetProperty("id").GetString());
        using var gone = await client.GetAsync("/api/profiles/pirate");
        await ProblemAssert.IsAsync(gone, 404);
    }

    [Fact]
    public async Task If_match_makes_writes_conditional()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using (await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/pirate", Pirate)))
        {
        }

        using var stale = GAgentTestHost.Request(HttpMethod.Patch, "/api/profiles/pirate", """{"name":"x"}""");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        await ProblemAssert.IsAsync(await host.Client.SendAsync(stale), 412);

        using var fresh = GAgentTestHost.Request(HttpMethod.Patch, "/api/profiles/pirate", """{"name":"x"}""");
        fresh.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var ok = await host.Client.SendAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("\"2\"", ok.Headers.ETag?.Tag);

        using var garbage = GAgentTestHost.Request(HttpMethod.Delete, "/api/profiles/pirate");
        garbage.Headers.TryAddWithoutValidation("If-Match", "yesterday");
        await ProblemAssert.IsAsync(await host.Client.SendAsync(garbage), 400, "If-Match");
        Assert.Equal("x", (await host.Services.GetRequiredService<IProfileStore>().GetAsync("pirate"))!.Name);
    }

    [Fact]
    public async Task Switching_the_active_profile_globally_and_refusing_to_delete_it()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var events = new NotificationRecorder(host.Services);
        using (await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/pirate", Pirate)))
        {
        }

        using var switched = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/active", """{"profileId":"pirate"}"""));
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        var active = await host.Client.GetFromJsonAsync<JsonElement>("/api/profiles/active");
        Assert.Equal("pirate", active.GetProperty("profileId").GetString());
        Assert.True(active.GetProperty("profile").GetProperty("active").GetBoolean());
        Assert.Equal("pirate", Assert.Single(events.Named(GAgentEventNames.ProfileActive)).Value.GetProperty("profileId").GetString());

        await ProblemAssert.IsAsync(await host.Client.DeleteAsync("/api/profiles/pirate"), 409);
        await ProblemAssert.IsAsync(await host.Client.DeleteAsync("/api/profiles/default"), 409);
        await ProblemAssert.IsAsync(await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/active", """{"profileId":"ghost"}""")), 404, "profileId");
        await ProblemAssert.IsAsync(await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/active", """{"profileId":"../x"}""")), 400, "profileId");
        Assert.Equal("pirate", await host.Services.GetRequiredService<IProfileStore>().GetActiveProfileIdAsync());
    }

    [Fact]
    public async Task A_sessions_profile_is_switched_with_patch_and_must_exist()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using (await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/pirate", Pirate)))
        {
        }

        using (await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions", """{"id":"s1"}""")))
        {
        }

        using var patched = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, "/api/sessions/s1", """{"profileId":"pirate"}"""));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("pirate", (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profileId").GetString());

        await ProblemAssert.IsAsync(await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, "/api/sessions/s1", """{"profileId":"ghost"}""")), 404, "profileId");
        await ProblemAssert.IsAsync(await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, "/api/sessions/s1", """{"profileId":"../../etc"}""")), 400, "profileId");
        await ProblemAssert.IsAsync(await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions", """{"profileId":"ghost"}""")), 404, "profileId");

        using var reset = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, "/api/sessions/s1", """{"profileId":""}"""));
        Assert.False((await reset.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("profileId", out _));
    }

    [Theory]
    [InlineData("PUT", "/api/profiles/bad.id", Pirate, 400, "id")]
    [InlineData("PUT", "/api/profiles/..%2F..%2Fetc", Pirate, 400, "id")]
    [InlineData("GET", "/api/profiles/ghost", null, 404, null)]
    [InlineData("PATCH", "/api/profiles/ghost", """{"name":"x"}""", 404, null)]
    [InlineData("DELETE", "/api/profiles/ghost", null, 404, null)]
    [InlineData("PUT", "/api/profiles/p", """{"persona":"no name"}""", 400, "name")]
    [InlineData("PUT", "/api/profiles/p", """{"name":5}""", 400, "name")]
    [InlineData("PUT", "/api/profiles/p", """{"name":"x","allowedTools":"calculate"}""", 400, "allowedTools")]
    [InlineData("PUT", "/api/profiles/p", """{"name":"x","modelId":"gpt-nope"}""", 400, "modelId")]
    [InlineData("PUT", "/api/profiles/p", """{"name":"x","allowedTools":["rm_rf"]}""", 400, "allowedTools")]
    [InlineData("PUT", "/api/profiles/p", """{"name":"x","toolsRequiringApproval":["rm_rf"]}""", 400, "toolsRequiringApproval")]
    [InlineData("PUT", "/api/profiles/p", """{"name":"x","visual":{"accentColor":"blue"}}""", 400, "visual.accentColor")]
    [InlineData("PUT", "/api/profiles/p", """{"name":"x","visual":{"theme":"neon"}}""", 400, "visual.theme")]
    [InlineData("PUT", "/api/profiles/p", """{"name":"x","memoryScope":"../other"}""", 400, "memoryScope")]
    [InlineData("PUT", "/api/profiles/p", """{"id":"q","name":"x"}""", 400, "id")]
    [InlineData("PUT", "/api/profiles/p", """{"name":""", 400, null)]
    [InlineData("PATCH", "/api/profiles/default", """{"name":""}""", 400, "name")]
    [InlineData("PATCH", "/api/profiles/default", """{"allowedTools":[1,2]}""", 400, "allowedTools")]
    [InlineData("PATCH", "/api/profiles/default", """{"modelId":"gpt-nope"}""", 400, "modelId")]
    public async Task Bad_input_gets_problem_details_and_writes_nothing(string method, string path, string? body, int status, string? param)
    {
        await using var host = await GAgentTestHost.StartAsync();

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(new HttpMethod(method), path, body));

        var problem = await ProblemAssert.IsAsync(response, status, param);
        if (param == "modelId")
        {
            Assert.Contains("gagent-demo", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var store = host.Services.GetRequiredService<IProfileStore>();
        var only = Assert.Single(await store.ListAsync());
        Assert.Equal(0, only.Version);
    }

    [Fact]
    public async Task Oversize_bodies_and_personas_are_refused()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:Limits:MaxApiRequestBytes"] = "200000" });
        var persona = new string('x', AgentProfile.MaxPersonaLength + 1);
        await ProblemAssert.IsAsync(await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/p", $$"""{"name":"x","persona":"{{persona}}"}""")), 400, "persona");
        var huge = new string('y', 300_000);
        await ProblemAssert.IsAsync(await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/p", $$"""{"name":"x","persona":"{{huge}}"}""")), 413);
        Assert.Null(await host.Services.GetRequiredService<IProfileStore>().GetAsync("p"));
    }

    [Fact]
    public async Task Reading_needs_the_chat_scope_and_changing_needs_admin()
    {
        const string chatKey = "chat-key-0123456789abcdef0123456789abcdef";
        const string adminKey = "admin-key-0123456789abcdef0123456789abcdef";
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["GAgent:ApiKeys:0:Key"] = chatKey,
            ["GAgent:ApiKeys:0:Scopes:0"] = "chat",
            ["GAgent:ApiKeys:1:Key"] = adminKey,
        });

        using var read = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, "/api/profiles", bearer: chatKey));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var write = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/pirate", Pirate, bearer: chatKey));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        using var memory = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, "/api/profiles/default/memory", bearer: chatKey));
        Assert.Equal(HttpStatusCode.Forbidden, memory.StatusCode);
        using var admin = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/pirate", Pirate, bearer: adminKey));
        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
    }
}
