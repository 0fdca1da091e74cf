using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Events;
using GAgent.Skills;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Profiles;

public sealed class SkillsApiTests
{
    private const string Knots = "---\nname: Knots\ndescription: Tying sailor knots\n---\nMake a loop, then pull.\n";

    [Fact]
    public async Task Create_list_detail_disable_enable_and_delete_a_skill_with_events()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var events = new NotificationRecorder(host.Services);
        var client = host.Client;

        using var markdown = new StringContent(Knots, Encoding.UTF8, "text/markdown");
        using var created = await client.PutAsync("/api/skills/knots", markdown);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Knots", "Tying sailor knots", true, "Make a loop, then pull."), (body.GetProperty("name").GetString(), body.GetProperty("description").GetString(), body.GetProperty("enabled").GetBoolean(), body.GetProperty("body").GetString()));
        Assert.True(File.Exists(Path.Join(host.DataDirectory, "skills", "knots", "SKILL.md")));

        using var replaced = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/skills/knots", JsonSerializer.Serialize(new { content = Knots.Replace("Knots", "Better knots", StringComparison.Ordinal) })));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/skills");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("Better knots", item.GetProperty("name").GetString());
        Assert.False(item.TryGetProperty("body", out _));

        using var disabled = await client.PostAsync("/api/skills/knots/disable", null);
        Assert.False((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enabled").GetBoolean());
        using var enabled = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, "/api/skills/knots", """{"enabled":true}"""));
        Assert.True((await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enabled").GetBoolean());
        using var reDisabled = await client.PostAsync("/api/skills/knots/disable", null);
        var detail = await client.GetFromJsonAsync<JsonElement>("/api/skills/knots");
        Assert.False(detail.GetProperty("enabled").GetBoolean());
        Assert.StartsWith("---", detail.GetProperty("content").GetString(), StringComparison.Ordinal);

        using var deleted = await client.DeleteAsync("/api/skills/knots");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsAsync(await client.GetAsync("/api/skills/knots"), 404);

        Assert.Equal(5, events.Named(GAgentEventNames.SkillUpdated).Count);
        Assert.Equal("knots", Assert.Single(events.Named(GAgentEventNames.SkillDeleted)).Value.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("PUT", "/api/skills/knots", """{"content":"no front matter"}""", 400, "content")]
    [InlineData("PUT", "/api/skills/knots", """{"content":"---\nname: x\n---\n"}""", 400, "content")]
    [InlineData("PUT", "/api/skills/knots", """{"content":7}""", 400, "content")]
    [InlineData("PUT", "/api/skills/knots", """{}""", 400, "content")]
    [InlineData("PUT", "/api/skills/bad.id", """{"content":"---\nname: x\ndescription: y\n---\n"}""", 400, "id")]
    [InlineData("PUT", "/api/skills/..%2F..%2Fetc", """{"content":"---\nname: x\ndescription: y\n---\n"}""", 400, "id")]
    [InlineData("GET", "/api/skills/ghost", null, 404, null)]
    [InlineData("POST", "/api/skills/ghost/enable", null, 404, null)]
    [InlineData("PATCH", "/api/skills/ghost", """{"enabled":false}""", 404, null)]
    [InlineData("PATCH", "/api/skills/knots", """{"enabled":"yes"}""", 400, "enabled")]
    [InlineData("PATCH", "/api/skills/knots", """{}""", 400, "enabled")]
    [InlineData("DELETE", "/api/skills/ghost", null, 404, null)]
    public async Task Bad_input_gets_problem_details_and_writes_nothing(string method, string path, string? body, int status, string? param)
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var response = await host.Client.SendAsync(GAgentTestHost.Request(new HttpMethod(method), path, body));
        var problem = await ProblemAssert.IsAsync(response, status, param);
        if (body?.Contains("name: x\\n---", StringComparison.Ordinal) == true)
        {
            Assert.Contains("'description'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(await host.Services.GetRequiredService<ISkillStore>().ListAsync());
    }

    [Fact]
    public async Task Oversize_skills_are_413()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:Skills:MaxSkillChars"] = "300" });
        using var big = new StringContent(Knots + new string('x', 300), Encoding.UTF8, "text/markdown");
        await ProblemAssert.IsAsync(await host.Client.PutAsync("/api/skills/knots", big), 413, "content");
        Assert.Empty(await host.Services.GetRequiredService<ISkillStore>().ListAsync());
    }
}
