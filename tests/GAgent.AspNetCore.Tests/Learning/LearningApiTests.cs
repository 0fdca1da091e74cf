using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.AspNetCore.Tests.Profiles;
using GAgent.Configuration;
using GAgent.Events;
using GAgent.Learning;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Learning;

public sealed partial class LearningApiTests
{
    private const string Knots = "---\nname: Knots\ndescription: Tying sailor knots\n---\nMake a loop, then pull.\n";

    [Fact]
    public async Task The_agent_proposes_a_skill_the_owner_reviews_approves_and_applies_it()
    {
        var model = ProposingModel(new Dictionary<string, object?> { ["kind"] = "skill", ["title"] = "Knots", ["reason"] = "Asked about knots twice", ["skillId"] = "knots", ["content"] = Knots });
        await using var host = await GAgentTestHost.StartAsync(g =>
        {
            g.AddChatClient("scripted", model);
            g.Services.Configure<GAgentOptions>(o => o.Learning.Enabled = true);
        });
        using var events = new NotificationRecorder(host.Services);
        var client = host.Client;
        using (await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions", """{"id":"deck"}""")))
        {
        }

        using var sent = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/deck/messages", """{"content":"How do I tie a knot?"}"""));
        var stream = await sent.Content.ReadAsStringAsync();
        Assert.Contains("RUN_FINISHED", stream, StringComparison.Ordinal);
        var runId = RunIdPattern().Match(stream).Groups[1].Value;
        Assert.Contains("propose_learning", model.Calls[0].Options!.Tools!.Select(static t => t.Name));

        var list = await client.GetFromJsonAsync<JsonElement>("/api/learning");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        var id = item.GetProperty("id").GetString()!;
        Assert.Equal(("skill", "pending", "Knots", "Asked about knots twice"), (item.GetProperty("kind").GetString(), item.GetProperty("status").GetString(), item.GetProperty("title").GetString(), item.GetProperty("reason").GetString()));
        var source = item.GetProperty("source");
        Assert.Equal(("agent", "deck", runId), (source.GetProperty("proposedBy").GetString(), source.GetProperty("sessionId").GetString(), source.GetProperty("runId").GetString()));
        Assert.False(list.TryGetProperty("nextAfter", out _));

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/learning/{id}");
        var preview = detail.GetProperty("preview");
        Assert.Equal(("skills/knots/SKILL.md", false), (preview.GetProperty("target").GetString(), preview.GetProperty("targetExists").GetBoolean()));
        Assert.StartsWith("--- /dev/null\n+++ b/skills/knots/SKILL.md\n@@ -0,0 +1,5 @@\n+---\n+name: Knots\n", preview.GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.Equal(Knots, detail.GetProperty("skill").GetProperty("content").GetString());
        await ProblemAssert.IsAsync(await client.GetAsync("/api/skills/knots"), 404);

        using var approved = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/learning/{id}/approve", """{"apply":true,"note":"Useful"}"""));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var applied = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("applied", "Useful", 3), (applied.GetProperty("status").GetString(), applied.GetProperty("note").GetString(), applied.GetProperty("version").GetInt32()));
        Assert.True(applied.TryGetProperty("decidedAt", out _) && applied.TryGetProperty("appliedAt", out _));

        var skill = await client.GetFromJsonAsync<JsonElement>("/api/skills/knots");
        Assert.Equal(("Knots", Knots), (skill.GetProperty("name").GetString(), skill.GetProperty("content").GetString()));
        Assert.Equal(Knots, await File.ReadAllTextAsync(Path.Join(host.DataDirectory, "skills", "knots", "SKILL.md")));
        Assert.True(File.Exists(Path.Join(host.DataDirectory, "learning", id + ".json")));

        var twice = await ProblemAssert.IsAsync(await client.PostAsync($"/api/learning/{id}/approve", null), 409);
        Assert.Equal("learning_conflict", twice.GetProperty("code").GetString());
        await ProblemAssert.IsAsync(await client.PostAsync($"/api/learning/{id}/reject", null), 409);
        await ProblemAssert.IsAsync(await client.PostAsync($"/api/learning/{id}/apply", null), 409);
        await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, $"/api/learning/{id}", """{"title":"Later"}""")), 409);

        var after = await client.GetFromJsonAsync<JsonElement>($"/api/learning/{id}");
        Assert.False(after.TryGetProperty("preview", out _));

        var proposed = Assert.Single(events.Named(GAgentEventNames.LearningProposed));
        Assert.Null(proposed.SessionId);
        Assert.Equal(item.GetRawText(), proposed.Value.GetRawText());
        var updates = events.Named(GAgentEventNames.LearningUpdated);
        Assert.Equal(["approved", "applied"], updates.Select(static n => n.Value.GetProperty("status").GetString()));
        Assert.Equal("knots", Assert.Single(events.Named(GAgentEventNames.SkillUpdated)).Value.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_memory_entry_proposed_by_api_previews_the_append_and_lands_in_memory()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var events = new NotificationRecorder(host.Services);
        var client = host.Client;
        using (await client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/default/memory", """{"content":"# Notes\n- Likes tea\n"}""")))
        {
        }

        using var created = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/learning", """{"kind":"memory","title":"Nights","reason":"Mentioned it","memory":{"profileId":"default","entry":"Works nights"}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var candidate = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = candidate.GetProperty("id").GetString()!;
        Assert.Equal($"/api/learning/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("api", candidate.GetProperty("source").GetProperty("proposedBy").GetString());
        Assert.False(candidate.GetProperty("source").TryGetProperty("runId", out _));

        var preview = (await client.GetFromJsonAsync<JsonElement>($"/api/learning/{id}")).GetProperty("preview");
        Assert.Equal("memory/default.md", preview.GetProperty("target").GetString());
        Assert.Equal("--- a/memory/default.md\n+++ b/memory/default.md\n@@ -1,2 +1,3 @@\n # Notes\n - Likes tea\n+- Works nights\n", preview.GetProperty("diff").GetString());

        using var approved = await client.PostAsync($"/api/learning/{id}/approve", null);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("# Notes\n- Likes tea\n", (await client.GetFromJsonAsync<JsonElement>("/api/profiles/default/memory")).GetProperty("content").GetString());

        using var applied = await client.PostAsync($"/api/learning/{id}/apply", null);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal("applied", (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("# Notes\n- Likes tea\n- Works nights\n", (await client.GetFromJsonAsync<JsonElement>("/api/profiles/default/memory")).GetProperty("content").GetString());
        Assert.Equal(2, events.Named(GAgentEventNames.MemoryUpdated).Count);
    }

    [Fact]
    public async Task A_profile_change_previews_each_member_and_patches_the_profile()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var events = new NotificationRecorder(host.Services);
        var client = host.Client;
        using (await client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/mate", """{"name":"Mate","persona":"You are a mate.\nBe kind."}""")))
        {
        }

        using var created = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/learning", """{"kind":"profile","title":"Brief","profile":{"profileId":"mate","changes":{"name":"First mate","persona":"You are a mate.\nBe brief."}}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var preview = (await client.GetFromJsonAsync<JsonElement>($"/api/learning/{id}")).GetProperty("preview");
        var fields = preview.GetProperty("fields").EnumerateArray().ToDictionary(static f => f.GetProperty("field").GetString()!, static f => (f.GetProperty("before").GetString(), f.GetProperty("after").GetString()));
        Assert.Equal(("Mate", "First mate"), fields["name"]);
        Assert.Equal(("You are a mate.\nBe kind.", "You are a mate.\nBe brief."), fields["persona"]);
        Assert.Equal(2, fields.Count);
        Assert.Contains("-Be kind.\n\\ No newline at end of file\n+Be brief.", preview.GetProperty("diff").GetString(), StringComparison.Ordinal);

        using var applied = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/learning/{id}/approve", """{"apply":true}"""));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/profiles/mate");
        Assert.Equal(("First mate", "You are a mate.\nBe brief."), (profile.GetProperty("name").GetString(), profile.GetProperty("persona").GetString()));
        Assert.Equal("First mate", Assert.Single(events.Named(GAgentEventNames.ProfileUpdated), static n => n.Value.GetProperty("id").GetString() == "mate" && n.Value.GetProperty("version").GetInt64() == 2).Value.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Applying_fails_when_the_target_is_gone_records_the_error_and_can_be_retried()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var client = host.Client;
        using (await client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/mate", """{"name":"Mate"}""")))
        {
        }

        var id = await ProposeAsync(client, """{"kind":"profile","title":"Rename","profile":{"profileId":"mate","changes":{"name":"Bosun"}}}""");
        using (await client.PostAsync($"/api/learning/{id}/approve", null))
        using (await client.DeleteAsync("/api/profiles/mate"))
        {
        }

        var failure = await ProblemAssert.IsAsync(await client.PostAsync($"/api/learning/{id}/apply", null), 409);
        Assert.Equal("profile_not_found", failure.GetProperty("code").GetString());
        var failed = await client.GetFromJsonAsync<JsonElement>($"/api/learning/{id}");
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("mate", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("does not exist", failed.GetProperty("preview").GetProperty("problem").GetString(), StringComparison.Ordinal);

        using (await client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/mate", """{"name":"Mate"}""")))
        {
        }

        using var retried = await client.PostAsync($"/api/learning/{id}/apply", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var applied = await retried.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("applied", applied.GetProperty("status").GetString());
        Assert.False(applied.TryGetProperty("error", out _));
        Assert.Equal("Bosun", (await client.GetFromJsonAsync<JsonElement>("/api/profiles/mate")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_candidate_that_failed_because_memory_is_full_can_be_edited_back_to_review()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:Memory:MaxDocumentChars"] = "1024" });
        var client = host.Client;
        var id = await ProposeAsync(client, """{"kind":"memory","title":"Tea","memory":{"profileId":"default","entry":"Likes green tea"}}""");
        var full = new string('x', 1020) + "\n";
        using (await client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/default/memory", JsonSerializer.Serialize(new { content = full }))))
        {
        }

        Assert.Contains("at most 1024", (await client.GetFromJsonAsync<JsonElement>($"/api/learning/{id}")).GetProperty("preview").GetProperty("problem").GetString(), StringComparison.Ordinal);
        var failure = await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/learning/{id}/approve", """{"apply":true}""")), 413);
        Assert.Equal("memory_too_large", failure.GetProperty("code").GetString());
        Assert.Equal(full, (await client.GetFromJsonAsync<JsonElement>("/api/profiles/default/memory")).GetProperty("content").GetString());

        using (await client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, "/api/profiles/default/memory", """{"content":"- Short\n"}""")))
        {
        }

        using var edited = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, $"/api/learning/{id}", """{"memory":{"entry":"Likes tea"}}"""));
        var back = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("pending", "Likes tea"), (back.GetProperty("status").GetString(), back.GetProperty("memory").GetProperty("entry").GetString()));
        Assert.False(back.TryGetProperty("error", out _));
        await ProblemAssert.IsAsync(await client.PostAsync($"/api/learning/{id}/apply", null), 409);

        using var applied = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/learning/{id}/approve", """{"apply":true}"""));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal("- Short\n- Likes tea\n", (await client.GetFromJsonAsync<JsonElement>("/api/profiles/default/memory")).GetProperty("content").GetString());
    }

    [Fact]
    public async Task Pending_candidates_can_be_edited_and_rejected_once()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var client = host.Client;
        var id = await ProposeAsync(client, """{"kind":"memory","title":"Tea","memory":{"profileId":"default","entry":"Likes tea"}}""");
        var other = await ProposeAsync(client, """{"kind":"memory","title":"Coffee","memory":{"profileId":"default","entry":"Likes coffee"}}""");

        using var edited = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, $"/api/learning/{id}", """{"title":"Green tea","memory":{"entry":"Likes green tea"},"version":1}"""));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var body = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Green tea", "Likes green tea", "default", 2), (body.GetProperty("title").GetString(), body.GetProperty("memory").GetProperty("entry").GetString(), body.GetProperty("memory").GetProperty("profileId").GetString(), body.GetProperty("version").GetInt32()));

        var stale = await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Put, $"/api/learning/{id}", """{"title":"Old","version":1}""")), 409);
        Assert.Equal("learning_version_mismatch", stale.GetProperty("code").GetString());
        await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, $"/api/learning/{id}", """{"kind":"skill"}""")), 400, "kind");
        await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, $"/api/learning/{id}", """{"skill":{"skillId":"x","content":"y"}}""")), 400, "memory");

        var early = await ProblemAssert.IsAsync(await client.PostAsync($"/api/learning/{other}/apply", null), 409);
        Assert.Contains("approve it first", early.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var rejected = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/learning/{id}/reject", """{"reason":"Not a lasting fact"}"""));
        var decision = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("rejected", "Not a lasting fact"), (decision.GetProperty("status").GetString(), decision.GetProperty("note").GetString()));
        await ProblemAssert.IsAsync(await client.PostAsync($"/api/learning/{id}/reject", null), 409);
        await ProblemAssert.IsAsync(await client.PostAsync($"/api/learning/{id}/approve", null), 409);
        await ProblemAssert.IsAsync(await client.PostAsync($"/api/learning/{id}/apply", null), 409);
        await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, $"/api/learning/{id}", """{"title":"Again"}""")), 409);
        await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/learning/{other}/reject", """{"apply":true}""")), 400, "apply");
        Assert.Equal(string.Empty, (await client.GetFromJsonAsync<JsonElement>("/api/profiles/default/memory")).GetProperty("content").GetString());
    }

    [Fact]
    public async Task Lists_filter_and_page_newest_first()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var client = host.Client;
        var ids = new List<string>();
        foreach (var title in new[] { "one", "two", "three" })
        {
            ids.Add(await ProposeAsync(client, JsonSerializer.Serialize(new { kind = "memory", title, memory = new { profileId = "default", entry = title } })));
        }

        var skill = await ProposeAsync(client, JsonSerializer.Serialize(new { kind = "skill", title = "Knots", skill = new { skillId = "knots", content = Knots } }));
        using (await client.PostAsync($"/api/learning/{ids[0]}/reject", null))
        {
        }

        var all = await client.GetFromJsonAsync<JsonElement>("/api/learning?limit=3");
        var firstPage = all.GetProperty("items").EnumerateArray().Select(static i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(3, firstPage.Count);
        var next = all.GetProperty("nextAfter").GetString();
        var rest = await client.GetFromJsonAsync<JsonElement>($"/api/learning?limit=3&after={next}");
        var secondPage = rest.GetProperty("items").EnumerateArray().Select(static i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal([skill, ids[2], ids[1], ids[0]], firstPage.Concat(secondPage));

        var pendingMemory = await client.GetFromJsonAsync<JsonElement>("/api/learning?status=pending&kind=memory");
        Assert.Equal([ids[2], ids[1]], pendingMemory.GetProperty("items").EnumerateArray().Select(static i => i.GetProperty("id").GetString()));
        var rejected = await client.GetFromJsonAsync<JsonElement>("/api/learning?status=Rejected");
        Assert.Equal([ids[0]], rejected.GetProperty("items").EnumerateArray().Select(static i => i.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("POST", "/api/learning", """{"kind":"recipe","title":"x"}""", 400, "kind")]
    [InlineData("POST", "/api/learning", """{"title":"x"}""", 400, "kind")]
    [InlineData("POST", "/api/learning", """{"kind":3,"title":"x"}""", 400, "kind")]
    [InlineData("POST", "/api/learning", """{"kind":"skill","title":7,"skill":{"skillId":"k","content":"c"}}""", 400, "title")]
    [InlineData("POST", "/api/learning", """{"kind":"skill","title":"x"}""", 400, "skill")]
    [InlineData("POST", "/api/learning", """{"kind":"skill","title":" ","skill":{"skillId":"k","content":"---\nname: n\ndescription: d\n---\n"}}""", 400, "title")]
    [InlineData("POST", "/api/learning", """{"kind":"skill","title":"x","skill":{"skillId":"../../etc","content":"---\nname: n\ndescription: d\n---\n"}}""", 400, "skill.skillId")]
    [InlineData("POST", "/api/learning", """{"kind":"skill","title":"x","skill":{"skillId":"k","content":"no front matter"}}""", 400, "skill.content")]
    [InlineData("POST", "/api/learning", """{"kind":"skill","title":"x","skill":{"skillId":"k","content":["a"]}}""", 400, "skill.content")]
    [InlineData("POST", "/api/learning", """{"kind":"memory","title":"x","memory":{"profileId":"ghost","entry":"e"}}""", 400, "memory.profileId")]
    [InlineData("POST", "/api/learning", """{"kind":"memory","title":"x","memory":{"profileId":"default","entry":"  "}}""", 400, "memory.entry")]
    [InlineData("POST", "/api/learning", """{"kind":"memory","title":"x","memory":{"profileId":"default","entry":"e"},"skill":{"skillId":"k"}}""", 400, "memory")]
    [InlineData("POST", "/api/learning", """{"kind":"profile","title":"x","profile":{"profileId":"default","changes":{}}}""", 400, "profile.changes")]
    [InlineData("POST", "/api/learning", """{"kind":"profile","title":"x","profile":{"profileId":"default"}}""", 400, "profile.changes")]
    [InlineData("POST", "/api/learning", """{"kind":"profile","title":"x","profile":{"profileId":"default","changes":{"allowedTools":["no_such_tool"]}}}""", 400, "profile.changes.allowedTools")]
    [InlineData("POST", "/api/learning", """{"kind":"profile","title":"x","profile":{"profileId":"default","changes":{"allowedTools":"all"}}}""", 400, "profile.changes.allowedTools")]
    [InlineData("POST", "/api/learning", """{"kind":"profile","title":"x","profile":{"profileId":"ghost","changes":{"name":"n"}}}""", 400, "profile.profileId")]
    [InlineData("POST", "/api/learning", "[1,2]", 400, null)]
    [InlineData("GET", "/api/learning/lrn_ghost", null, 404, null)]
    [InlineData("GET", "/api/learning/bad.id", null, 400, "id")]
    [InlineData("GET", "/api/learning/..%2F..%2Fetc", null, 400, "id")]
    [InlineData("GET", "/api/learning/lrn_..%2Fx", null, 400, "id")]
    [InlineData("PATCH", "/api/learning/lrn_ghost", """{"title":"x"}""", 404, null)]
    [InlineData("PUT", "/api/learning/..%2Fx", """{"title":"x"}""", 400, "id")]
    [InlineData("POST", "/api/learning/lrn_ghost/approve", null, 404, null)]
    [InlineData("POST", "/api/learning/lrn_ghost/reject", null, 404, null)]
    [InlineData("POST", "/api/learning/lrn_ghost/apply", null, 404, null)]
    [InlineData("POST", "/api/learning/lrn_ghost/approve", """{"apply":"yes"}""", 400, "apply")]
    [InlineData("POST", "/api/learning/..%2F..%2Fetc/approve", null, 400, "id")]
    [InlineData("GET", "/api/learning?status=maybe", null, 400, "status")]
    [InlineData("GET", "/api/learning?status=1", null, 400, "status")]
    [InlineData("GET", "/api/learning?kind=recipe", null, 400, "kind")]
    [InlineData("GET", "/api/learning?limit=0", null, 400, "limit")]
    [InlineData("GET", "/api/learning?limit=abc", null, 400, "limit")]
    [InlineData("GET", "/api/learning?after=..%2Fx", null, 400, "after")]
    [InlineData("GET", "/api/learning?after=lrn_ghost", null, 400, "after")]
    public async Task Bad_input_gets_problem_details_and_stores_nothing(string method, string path, string? body, int status, string? param)
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var response = await host.Client.SendAsync(GAgentTestHost.Request(new HttpMethod(method), path, body));
        await ProblemAssert.IsAsync(response, status, param);
        Assert.Equal(0, await host.Services.GetRequiredService<ILearningStore>().CountAsync());
    }

    [Fact]
    public async Task Oversize_proposals_and_notes_are_413_and_a_full_queue_409()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["GAgent:Skills:MaxSkillChars"] = "300",
            ["GAgent:Memory:MaxEntryChars"] = "100",
            ["GAgent:Learning:MaxPending"] = "1",
        });
        var client = host.Client;
        var bigSkill = JsonSerializer.Serialize(new { kind = "skill", title = "Big", skill = new { skillId = "big", content = Knots + new string('x', 300) } });
        await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/learning", bigSkill)), 413, "skill.content");
        var bigEntry = JsonSerializer.Serialize(new { kind = "memory", title = "Big", memory = new { profileId = "default", entry = new string('y', 101) } });
        await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/learning", bigEntry)), 413, "memory.entry");
        var hugeBody = JsonSerializer.Serialize(new { kind = "memory", title = "Huge", memory = new { profileId = "default", entry = new string('z', 2 * 1024 * 1024) } });
        await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/learning", hugeBody)), 413);
        Assert.Equal(0, await host.Services.GetRequiredService<ILearningStore>().CountAsync());

        var id = await ProposeAsync(client, """{"kind":"memory","title":"One","memory":{"profileId":"default","entry":"one"}}""");
        var full = await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/learning", """{"kind":"memory","title":"Two","memory":{"profileId":"default","entry":"two"}}""")), 409);
        Assert.Equal("learning_queue_full", full.GetProperty("code").GetString());

        var longReason = JsonSerializer.Serialize(new { reason = new string('r', LearningCandidate.MaxTextLength + 1) });
        await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/learning/{id}/reject", longReason)), 413, "reason");
        var edit = JsonSerializer.Serialize(new { memory = new { entry = new string('e', 101) } });
        await ProblemAssert.IsAsync(await client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, $"/api/learning/{id}", edit)), 413, "memory.entry");
        var stored = await host.Services.GetRequiredService<ILearningStore>().GetAsync(id);
        Assert.Equal((LearningCandidateStatus.Pending, "one", 1L), (stored!.Status, stored.Memory!.Entry, stored.Version));
    }

    [Fact]
    public async Task Reviewing_needs_the_admin_scope()
    {
        const string chatKey = "chat-key-0123456789abcdef0123456789abcdef";
        const string adminKey = "admin-key-0123456789abcdef0123456789abcdef";
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["GAgent:ApiKeys:0:Key"] = chatKey,
            ["GAgent:ApiKeys:0:Scopes:0"] = "chat",
            ["GAgent:ApiKeys:1:Key"] = adminKey,
            ["GAgent:ApiKeys:1:Scopes:0"] = "admin",
        });
        const string proposal = """{"kind":"memory","title":"Tea","memory":{"profileId":"default","entry":"Likes tea"}}""";
        using var created = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/learning", proposal, bearer: adminKey));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        foreach (var (method, path, body) in new (string, string, string?)[] { ("GET", "/api/learning", null), ("GET", $"/api/learning/{id}", null), ("POST", "/api/learning", proposal), ("POST", $"/api/learning/{id}/approve", null), ("POST", $"/api/learning/{id}/reject", null) })
        {
            using var refused = await host.Client.SendAsync(GAgentTestHost.Request(new HttpMethod(method), path, body, bearer: chatKey));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var approved = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/learning/{id}/approve", null, bearer: adminKey));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(1, await host.Services.GetRequiredService<ILearningStore>().CountAsync());
    }

    private static async Task<string> ProposeAsync(HttpClient client, string json)
    {
        using var response = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/learning", json));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A model that calls <c>propose_learning</c> with <paramref name="arguments"/> when the user speaks, and answers after the tool result.</summary>
    private static ScriptedChatClient ProposingModel(Dictionary<string, object?> arguments) => new((messages, _, cancellationToken) =>
        messages[^1].Role == ChatRole.Tool
            ? ScriptedChatClient.Respond([new TextContent("I proposed it for review.")], ChatFinishReason.Stop, cancellationToken)
            : ScriptedChatClient.Respond([new FunctionCallContent("call_1", "propose_learning", arguments)], ChatFinishReason.ToolCalls, cancellationToken));

    [GeneratedRegex("\"runId\":\"(run_[0-9a-f]+)\"")]
    private static partial Regex RunIdPattern();
}
