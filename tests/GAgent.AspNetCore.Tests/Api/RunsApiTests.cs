using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Api;

public sealed class RunsApiTests
{
    [Fact]
    public async Task Posting_a_message_streams_native_events_and_persists_the_turn()
    {
        await using var host = await GAgentTestHost.StartAsync();
        await host.Services.GetRequiredService<ISessionStore>().CreateAsync(new NewSession { Id = "chat" });

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/chat/messages", "{\"content\":\"What is 2+3?\"}"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var runId = response.Headers.GetValues("X-GAgent-Run-Id").Single();
        var items = await SseEvents.ReadAllAsync(response);
        var events = SseEvents.Json(items);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), items.Select(i => i.EventId));
        Assert.Equal("RUN_STARTED", events[0].Type());
        Assert.Equal("RUN_FINISHED", events[^1].Type());
        Assert.All(events, e => Assert.Equal("chat", e.GetProperty("threadId").GetString()));
        Assert.All(events, e => Assert.Equal(runId, e.GetProperty("runId").GetString()));
        var types = events.Select(e => e.Type()).ToList();
        Assert.Contains("TOOL_CALL_START", types);
        var result = events.Single(e => e.Type() == "TOOL_CALL_RESULT");
        Assert.Equal("5", result.GetProperty("content").GetString());
        var text = string.Concat(events.Where(e => e.Type() == "TEXT_MESSAGE_CONTENT").Select(e => e.GetProperty("delta").GetString()));
        Assert.Contains("2+3 = 5", text, StringComparison.Ordinal);

        var messages = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/chat/messages");
        var roles = messages.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("role").GetString()).ToList();
        Assert.Equal(["user", "assistant", "tool", "assistant"], roles);
        Assert.Equal("tool_call", messages.GetProperty("items")[1].GetProperty("parts")[1].GetProperty("type").GetString());
        var session = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/chat");
        Assert.Equal("What is 2+3?", session.GetProperty("title").GetString());
        Assert.Equal(4, session.GetProperty("messageCount").GetInt64());

        var run = await host.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("usage").GetProperty("outputTokens").GetInt64() > 0);
    }

    [Fact]
    public async Task A_second_message_while_a_run_is_active_is_409_and_stop_cancels_the_run()
    {
        var release = new TaskCompletionSource();
        var client = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Gated(release.Task, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("slow", client));
        await host.Services.GetRequiredService<ISessionStore>().CreateAsync(new NewSession { Id = "busy" });

        using var accepted = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/busy/messages?stream=false", "{\"content\":\"first\"}"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var runId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal($"/api/runs/{runId}", accepted.Headers.Location?.OriginalString);

        using var conflict = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/busy/messages", "{\"content\":\"second\"}"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains(runId, await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var deleteBusy = await host.Client.DeleteAsync("/api/sessions/busy");
        Assert.Equal(HttpStatusCode.Conflict, deleteBusy.StatusCode);

        using var stopped = await host.Client.PostAsync($"/api/runs/{runId}/stop", null);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal("cancelled", (await stopped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        using var events = await host.Client.GetAsync($"/api/runs/{runId}/events");
        var last = SseEvents.Json(await SseEvents.ReadAllAsync(events))[^1];
        Assert.Equal("RUN_ERROR", last.Type());
        Assert.Equal("run_cancelled", last.GetProperty("code").GetString());

        var messages = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/busy/messages");
        Assert.Equal("Working ", messages.GetProperty("items")[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Events_resume_after_Last_Event_ID_or_the_after_query()
    {
        await using var host = await GAgentTestHost.StartAsync();
        await host.Services.GetRequiredService<ISessionStore>().CreateAsync(new NewSession { Id = "resume" });
        using var first = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/resume/messages", "{\"content\":\"hello\"}"));
        var all = await SseEvents.ReadAllAsync(first);
        var runId = first.Headers.GetValues("X-GAgent-Run-Id").Single();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{runId}/events");
        request.Headers.Add("Last-Event-ID", "3");
        using var resumed = await host.Client.SendAsync(request);
        var rest = await SseEvents.ReadAllAsync(resumed);
        using var byQuery = await host.Client.GetAsync($"/api/runs/{runId}/events?after=3");
        var restByQuery = await SseEvents.ReadAllAsync(byQuery);

        Assert.Equal("4", rest[0].EventId);
        Assert.Equal(all.Skip(3).Select(i => i.Data), rest.Select(i => i.Data));
        Assert.Equal(rest.Select(i => i.Data), restByQuery.Select(i => i.Data));

        using var unknown = await host.Client.GetAsync("/api/runs/run_nope/events");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_resume_point_older_than_the_backlog_gets_a_clear_error_event()
    {
        // Streamed, so every word is its own event (a run started with stream=false merges them) and the run journals
        // more events than the backlog keeps.
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:Runs:EventBacklog"] = "16" }, configure: g => g.UseOfflineDemoModel(o => o.WordDelay = TimeSpan.Zero));
        await host.Services.GetRequiredService<ISessionStore>().CreateAsync(new NewSession { Id = "old" });
        using var streamed = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/old/messages", "{\"content\":\"a long answer please\"}"));
        _ = await SseEvents.ReadAllAsync(streamed);
        var runId = streamed.Headers.GetValues("X-GAgent-Run-Id").Single();
        var run = await WaitForEndAsync(host, runId);
        Assert.True(run.GetProperty("lastSequence").GetInt64() > 16);

        using var resumed = await host.Client.GetAsync($"/api/runs/{runId}/events?after=1");
        var events = SseEvents.Json(await SseEvents.ReadAllAsync(resumed));

        var error = Assert.Single(events);
        Assert.Equal("RUN_ERROR", error.Type());
        Assert.Equal("run_events_expired", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Runs_survive_the_client_disconnecting_by_default()
    {
        var release = new TaskCompletionSource();
        var client = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Gated(release.Task, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("slow", client));
        await host.Services.GetRequiredService<ISessionStore>().CreateAsync(new NewSession { Id = "detach" });

        string runId;
        using (var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/detach/messages", "{\"content\":\"go\"}"), HttpCompletionOption.ResponseHeadersRead))
        {
            runId = response.Headers.GetValues("X-GAgent-Run-Id").Single();
        }

        release.SetResult();
        using var events = await host.Client.GetAsync($"/api/runs/{runId}/events");
        var last = SseEvents.Json(await SseEvents.ReadAllAsync(events))[^1];
        Assert.Equal("RUN_FINISHED", last.Type());
        var messages = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/detach/messages");
        Assert.Equal("Working done.", messages.GetProperty("items")[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Sessions_and_messages_survive_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var host = await GAgentTestHost.StartAsync(dataDirectory: directory))
            {
                using var created = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions", "{\"id\":\"durable\"}"));
                using var sent = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/durable/messages", "{\"content\":\"remember me\"}"));
                await SseEvents.ReadAllAsync(sent);
            }

            await using var restarted = await GAgentTestHost.StartAsync(dataDirectory: directory);
            var session = await restarted.Client.GetFromJsonAsync<JsonElement>("/api/sessions/durable");
            Assert.Equal(2, session.GetProperty("messageCount").GetInt64());
            var messages = await restarted.Client.GetFromJsonAsync<JsonElement>("/api/sessions/durable/messages");
            Assert.Equal("remember me", messages.GetProperty("items")[0].GetProperty("text").GetString());
            Assert.Contains("offline demo model", messages.GetProperty("items")[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Messages_page_from_the_tail()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var store = host.Services.GetRequiredService<ISessionStore>();
        await store.CreateAsync(new NewSession { Id = "paged" });
        await store.AppendAsync("paged", [.. Enumerable.Range(0, 25).Select(i => new StoredMessage { Id = $"m{i}", Timestamp = DateTimeOffset.UtcNow, Role = ChatRole.User, Contents = [new TextContent($"n{i}")] })]);

        var tail = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/paged/messages?limit=10");
        Assert.Equal(15, tail.GetProperty("firstIndex").GetInt64());
        Assert.True(tail.GetProperty("hasMore").GetBoolean());
        Assert.Equal("n15", tail.GetProperty("items")[0].GetProperty("text").GetString());
        var older = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/paged/messages?limit=10&before=15");
        Assert.Equal("n5", older.GetProperty("items")[0].GetProperty("text").GetString());
        Assert.Equal(5, older.GetProperty("items")[0].GetProperty("index").GetInt64());
    }

    private static async Task<JsonElement> WaitForEndAsync(GAgentTestHost host, string runId)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var run = await host.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
            if (run.GetProperty("status").GetString() is not ("running" or "queued"))
            {
                return run;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Run {runId} did not end.");
    }
}
