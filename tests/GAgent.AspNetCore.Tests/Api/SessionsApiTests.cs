using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Api;

public sealed class SessionsApiTests
{
    [Fact]
    public async Task Create_get_rename_pin_list_search_and_delete()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var client = host.Client;

        using var created = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions", "{\"id\":\"travel-plans\",\"title\":\"Travel\"}"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/sessions/travel-plans", created.Headers.Location?.OriginalString);
        using var other = await client.PostAsync("/api/sessions", null);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        var session = await client.GetFromJsonAsync<JsonElement>("/api/sessions/travel-plans");
        Assert.Equal("Travel", session.GetProperty("title").GetString());
        Assert.Equal(0, session.GetProperty("messageCount").GetInt64());

        using var patched = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, "/api/sessions/travel-plans", "{\"title\":\"Trip to Lisbon\",\"pinned\":true}"));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var patchedBody = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Trip to Lisbon", patchedBody.GetProperty("title").GetString());
        Assert.True(patchedBody.GetProperty("pinned").GetBoolean());

        var list = await client.GetFromJsonAsync<JsonElement>("/api/sessions");
        Assert.Equal("travel-plans", list.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
        var found = await client.GetFromJsonAsync<JsonElement>("/api/sessions?search=lisbon");
        Assert.Equal(1, found.GetProperty("items").GetArrayLength());

        using var deleted = await client.DeleteAsync("/api/sessions/travel-plans");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync("/api/sessions/travel-plans");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var goneAgain = await client.DeleteAsync("/api/sessions/travel-plans");
        Assert.Equal(HttpStatusCode.NotFound, goneAgain.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/sessions/bad.id", null, 400, "id")]
    [InlineData("GET", "/api/sessions/nope", null, 404, null)]
    [InlineData("PATCH", "/api/sessions/nope", "{\"title\":\"x\"}", 404, null)]
    [InlineData("GET", "/api/sessions/nope/messages", null, 404, null)]
    [InlineData("GET", "/api/sessions?limit=0", null, 400, "limit")]
    [InlineData("GET", "/api/sessions?cursor=garbage!", null, 400, "cursor")]
    [InlineData("POST", "/api/sessions", "{\"id\":\"../../etc\"}", 400, "id")]
    [InlineData("POST", "/api/sessions", "{\"id\":", 400, null)]
    [InlineData("POST", "/api/sessions/nope/messages", "{\"content\":\"hi\"}", 404, null)]
    [InlineData("POST", "/api/sessions/x/messages", "{}", 400, "content")]
    public async Task Bad_input_gets_problem_details_saying_what_is_wrong(string method, string path, string? body, int status, string? param)
    {
        await using var host = await GAgentTestHost.StartAsync();
        await host.Services.GetRequiredService<ISessionStore>().CreateAsync(new NewSession { Id = "x" });

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(new HttpMethod(method), path, body));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (param is not null)
        {
            Assert.Equal(param, problem.GetProperty("param").GetString());
        }
    }

    [Fact]
    public async Task Rejected_requests_write_nothing()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var store = host.Services.GetRequiredService<ISessionStore>();
        await store.CreateAsync(new NewSession { Id = "keep", Title = "Original" });

        using var malformed = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, "/api/sessions/keep", "{\"title\":"));
        using var tooLong = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, "/api/sessions/keep", JsonSerializer.Serialize(new { title = new string('t', 500) })));
        using var emptyMessage = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/keep/messages", "{\"content\":\"  \"}"));
        using var duplicate = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions", "{\"id\":\"keep\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, emptyMessage.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var session = await store.GetAsync("keep");
        Assert.Equal("Original", session!.Title);
        Assert.Equal(0, session.MessageCount);
    }

    [Fact]
    public async Task Oversized_api_body_is_413()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:Limits:MaxApiRequestBytes"] = "1024" }, configure: g => g.UseOfflineDemoModel());
        await host.Services.GetRequiredService<ISessionStore>().CreateAsync(new NewSession { Id = "s" });

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/s/messages", JsonSerializer.Serialize(new { content = new string('a', 4000) })));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MaxApiRequestBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await host.Services.GetRequiredService<ISessionStore>().GetAsync("s"))!.MessageCount);
    }
}
