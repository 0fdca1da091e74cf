using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Events;
using GAgent.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Profiles;

public sealed class MemoryApiTests
{
    [Fact]
    public async Task Memory_is_read_and_replaced_as_markdown_or_json_and_entries_append()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var events = new NotificationRecorder(host.Services);
        var client = host.Client;

        var empty = await client.GetFromJsonAsync<JsonElement>("/api/profiles/default/memory");
        Assert.Equal(("default", "default", ""), (empty.GetProperty("profileId").GetString(), empty.GetProperty("scope").GetString(), empty.GetProperty("content").GetString()));

        using var markdown = new StringContent("# Notes\nLikes tea\n", Encoding.UTF8, "text/markdown");
        using var put = await client.PutAsync("/api/profiles/default/memory", markdown);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var appended = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/profiles/default/memory/entries", """{"entry":"Works nights"}"""));
        Assert.Equal(HttpStatusCode.OK, appended.StatusCode);
        Assert.Equal("# Notes\nLikes tea\n- Works nights\n", (await appended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("content").GetString());

        using var asText = GAgentTestHost.Request(HttpMethod.Get, "/api/profiles/default/memory");
        asText.Headers.Accept.ParseAdd("text/markdown");
        using var raw = await client.SendAsync(asText);
        Assert.Equal("text/markdown", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal("# Notes\nLikes tea\n- Works nights\n", await raw.Content.ReadAsStringAsync());

        using var json = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/default/memory", """{"content":"replaced"}"""));
        Assert.Equal("replaced", (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("content").GetString());
        Assert.Equal("replaced", (await host.Services.GetRequiredService<IMemoryStore>().GetAsync("default")).Content);

        var updates = events.Named(GAgentEventNames.MemoryUpdated);
        Assert.Equal(3, updates.Count);
        Assert.All(updates, static n => Assert.Equal("default", n.Value.GetProperty("profileId").GetString()));
    }

    [Fact]
    public async Task A_profile_with_an_explicit_scope_reads_that_scope()
    {
        await using var host = await GAgentTestHost.StartAsync();
        await host.Services.GetRequiredService<IMemoryStore>().AppendAsync("crew", "Shared fact");
        using (await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/mate", """{"name":"Mate","memoryScope":"crew"}""")))
        {
        }

        var memory = await host.Client.GetFromJsonAsync<JsonElement>("/api/profiles/mate/memory");
        Assert.Equal(("crew", "- Shared fact\n"), (memory.GetProperty("scope").GetString(), memory.GetProperty("content").GetString()));
    }

    [Theory]
    [InlineData("GET", "/api/profiles/ghost/memory", null, 404, null)]
    [InlineData("GET", "/api/profiles/bad.id/memory", null, 400, "id")]
    [InlineData("PUT", "/api/profiles/..%2Fx/memory", """{"content":"x"}""", 400, "id")]
    [InlineData("PUT", "/api/profiles/default/memory", """{"content":5}""", 400, "content")]
    [InlineData("PUT", "/api/profiles/default/memory", """{"text":"wrong member"}""", 400, "content")]
    [InlineData("POST", "/api/profiles/default/memory/entries", """{"entry":"  "}""", 400, "entry")]
    [InlineData("POST", "/api/profiles/default/memory/entries", """{"entry":["a"]}""", 400, "entry")]
    [InlineData("POST", "/api/profiles/ghost/memory/entries", """{"entry":"x"}""", 404, null)]
    public async Task Bad_input_gets_problem_details_and_writes_nothing(string method, string path, string? body, int status, string? param)
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var response = await host.Client.SendAsync(GAgentTestHost.Request(new HttpMethod(method), path, body));
        await ProblemAssert.IsAsync(response, status, param);
        Assert.Equal(string.Empty, (await host.Services.GetRequiredService<IMemoryStore>().GetAsync("default")).Content);
    }

    [Fact]
    public async Task Oversize_memory_and_entries_are_413_and_unsupported_types_415()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:Memory:MaxDocumentChars"] = "2048", ["GAgent:Memory:MaxEntryChars"] = "100" });
        using var big = new StringContent(new string('x', 2049), Encoding.UTF8, "text/markdown");
        await ProblemAssert.IsAsync(await host.Client.PutAsync("/api/profiles/default/memory", big), 413, "content");
        await ProblemAssert.IsAsync(await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/profiles/default/memory/entries", $$"""{"entry":"{{new string('y', 101)}}"}""")), 413, "entry");
        using var xml = new StringContent("<memory/>", Encoding.UTF8, "application/xml");
        await ProblemAssert.IsAsync(await host.Client.PutAsync("/api/profiles/default/memory", xml), 415);
        Assert.Equal(string.Empty, (await host.Services.GetRequiredService<IMemoryStore>().GetAsync("default")).Content);
    }
}
