using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Channels;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Routines;

public sealed class RoutinesApiTests
{
    private const string ChatKey = "chat-key-0123456789abcdef0123456789abcdef";
    private const string AdminKey = "admin-key-0123456789abcdef0123456789abcdef";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static ScriptedChatClient Answering(string text)
        => new((_, _, ct) => ScriptedChatClient.Respond([new TextContent(text)], ChatFinishReason.Stop, ct));

    private static Task<GAgentTestHost> StartAsync(ScriptedChatClient? client = null, Action<IGAgentBuilder>? configure = null, IDictionary<string, string?>? settings = null)
        => GAgentTestHost.StartAsync(
            b =>
            {
                b.AddChatClient("scripted", client ?? Answering("Scheduled answer."));
                configure?.Invoke(b);
            },
            settings);

    private static async Task CreateSessionAsync(GAgentTestHost host, string id = "s1")
        => await host.Services.GetRequiredService<ISessionStore>().CreateAsync(new NewSession { Id = id });

    private static async Task<JsonElement> SendAsync(GAgentTestHost host, HttpMethod method, string path, string? json, HttpStatusCode expected)
    {
        using var response = await host.Client.SendAsync(GAgentTestHost.Request(method, path, json));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Routines_can_be_created_read_replaced_patched_and_deleted()
    {
        await using var host = await StartAsync();
        await CreateSessionAsync(host);

        using (var created = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/routines", """
            {"id":"morning","name":"Morning brief","prompt":"Summarise my day.","schedule":{"cron":"0 9 * * MON-FRI","timeZone":"Europe/Berlin"},"target":{"sessionId":"s1"},"model":"scripted"}
            """)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal("/api/routines/morning", created.Headers.Location?.OriginalString);
            var routine = await created.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("morning", routine.GetProperty("id").GetString());
            Assert.Equal("Morning brief", routine.GetProperty("name").GetString());
            Assert.Equal("Summarise my day.", routine.GetProperty("prompt").GetString());
            Assert.Equal("0 9 * * MON-FRI", routine.GetProperty("schedule").GetProperty("cron").GetString());
            Assert.Equal("Europe/Berlin", routine.GetProperty("schedule").GetProperty("timeZone").GetString());
            Assert.Equal("s1", routine.GetProperty("target").GetProperty("sessionId").GetString());
            Assert.Equal("scripted", routine.GetProperty("model").GetString());
            Assert.True(routine.GetProperty("enabled").GetBoolean());
            var next = routine.GetProperty("nextRunAt").GetDateTimeOffset();
            Assert.True(next > DateTimeOffset.UtcNow);
            Assert.Equal(TimeSpan.Zero, next.Offset);
            Assert.False(routine.TryGetProperty("lastRun", out _));
        }

        var list = await host.Client.GetFromJsonAsync<JsonElement>("/api/routines");
        Assert.Equal("morning", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("Morning brief", (await host.Client.GetFromJsonAsync<JsonElement>("/api/routines/morning")).GetProperty("name").GetString());

        var replaced = await SendAsync(host, HttpMethod.Put, "/api/routines/morning", """
            {"name":"Hourly check","prompt":"Anything new?","schedule":{"intervalSeconds":3600},"target":{"sessionId":"s1"}}
            """, HttpStatusCode.OK);
        Assert.Equal("Hourly check", replaced.GetProperty("name").GetString());
        Assert.Equal(3600, replaced.GetProperty("schedule").GetProperty("intervalSeconds").GetInt64());
        Assert.False(replaced.GetProperty("schedule").TryGetProperty("cron", out _));
        Assert.False(replaced.TryGetProperty("model", out _));

        var patched = await SendAsync(host, HttpMethod.Patch, "/api/routines/morning", """{"name":"Paused check","enabled":false}""", HttpStatusCode.OK);
        Assert.Equal("Paused check", patched.GetProperty("name").GetString());
        Assert.Equal("Anything new?", patched.GetProperty("prompt").GetString());
        Assert.False(patched.GetProperty("enabled").GetBoolean());
        Assert.False(patched.TryGetProperty("nextRunAt", out _));
        var resumed = await SendAsync(host, HttpMethod.Patch, "/api/routines/morning", """{"enabled":true}""", HttpStatusCode.OK);
        Assert.True(resumed.TryGetProperty("nextRunAt", out _));

        await SendAsync(host, HttpMethod.Delete, "/api/routines/morning", null, HttpStatusCode.NoContent);
        var gone = await SendAsync(host, HttpMethod.Get, "/api/routines/morning", null, HttpStatusCode.NotFound);
        Assert.Equal("routine_not_found", gone.GetProperty("code").GetString());
        await SendAsync(host, HttpMethod.Delete, "/api/routines/morning", null, HttpStatusCode.NotFound);
        Assert.Equal(0, (await host.Client.GetFromJsonAsync<JsonElement>("/api/routines")).GetProperty("items").GetArrayLength());

    }

    [Fact]
    public async Task Routines_survive_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));
        try
        {
            JsonElement created;
            await using (var first = await GAgentTestHost.StartAsync(b => b.AddChatClient("scripted", Answering("x")), dataDirectory: directory))
            {
                await CreateSessionAsync(first);
                created = await SendAsync(first, HttpMethod.Post, "/api/routines", """{"id":"kept","name":"n","prompt":"p","schedule":{"cron":"@daily"},"target":{"sessionId":"s1"}}""", HttpStatusCode.Created);
            }

            Assert.True(File.Exists(Path.Combine(directory, "routines", "kept.json")));
            await using var second = await GAgentTestHost.StartAsync(b => b.AddChatClient("scripted", Answering("x")), dataDirectory: directory);
            var routine = await second.Client.GetFromJsonAsync<JsonElement>("/api/routines/kept");
            Assert.Equal(created.GetProperty("nextRunAt").GetDateTimeOffset(), routine.GetProperty("nextRunAt").GetDateTimeOffset());
            Assert.Equal("p", routine.GetProperty("prompt").GetString());
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
    public async Task Ids_are_generated_when_absent_and_duplicates_conflict()
    {
        await using var host = await StartAsync();
        await CreateSessionAsync(host);
        const string Body = """{"name":"n","prompt":"p","schedule":{"cron":"@hourly"},"target":{"sessionId":"s1"}}""";
        var generated = await SendAsync(host, HttpMethod.Post, "/api/routines", Body, HttpStatusCode.Created);
        Assert.StartsWith("rt_", generated.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("UTC", generated.GetProperty("schedule").GetProperty("timeZone").GetString());

        await SendAsync(host, HttpMethod.Post, "/api/routines", Body.Replace("{\"name\"", "{\"id\":\"dup\",\"name\"", StringComparison.Ordinal), HttpStatusCode.Created);
        var conflict = await SendAsync(host, HttpMethod.Post, "/api/routines", Body.Replace("{\"name\"", "{\"id\":\"dup\",\"name\"", StringComparison.Ordinal), HttpStatusCode.Conflict);
        Assert.Equal("routine_exists", conflict.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_naming_the_field()
    {
        await using var host = await StartAsync(configure: b => b.AddChannel(_ => new RecordingChannel("chat")));
        await CreateSessionAsync(host);
        await SendAsync(host, HttpMethod.Post, "/api/routines", """{"id":"r1","name":"n","prompt":"p","schedule":{"cron":"@daily"},"target":{"sessionId":"s1"}}""", HttpStatusCode.Created);

        const string Schedule = "\"schedule\":{\"cron\":\"0 9 * * *\"}";
        const string Target = "\"target\":{\"sessionId\":\"s1\"}";
        (string Method, string Path, string? Body, int Status, string? Param, string? Detail)[] cases =
        [
            ("POST", "/api/routines", $$$"""{"name":5,"prompt":"p",{{{Schedule}}},{{{Target}}}}""", 400, "name", null),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p","schedule":{"intervalSeconds":"hourly"},{{{Target}}}}""", 400, "schedule.intervalSeconds", null),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p",{{{Schedule}}},{{{Target}}},"enabled":"yes"}""", 400, "enabled", null),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p","schedule":"daily",{{{Target}}}}""", 400, "schedule", null),
            ("POST", "/api/routines", """{"name":""", 400, null, null),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p","schedule":{"cron":"61 9 * * *"},{{{Target}}}}""", 400, "schedule.cron", "minute field's value '61'"),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p","schedule":{"cron":"0 9 * * FUNDAY"},{{{Target}}}}""", 400, "schedule.cron", "FUNDAY"),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p","schedule":{"cron":"0 9 * *"},{{{Target}}}}""", 400, "schedule.cron", "five"),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p","schedule":{"cron":"0 0 30 2 *"},{{{Target}}}}""", 400, "schedule.cron", "never occurs"),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p","schedule":{"cron":"0 9 * * *","timeZone":"Mars/Base"},{{{Target}}}}""", 400, "schedule.timeZone", "Mars/Base"),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p","schedule":{"cron":"0 9 * * *","timeZone":"../../etc/passwd"},{{{Target}}}}""", 400, "schedule.timeZone", null),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p","schedule":{"intervalSeconds":30},{{{Target}}}}""", 400, "schedule.intervalSeconds", "60"),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p","schedule":{"cron":"@daily","intervalSeconds":60},{{{Target}}}}""", 400, "schedule", null),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p","schedule":{},{{{Target}}}}""", 400, "schedule", null),
            ("POST", "/api/routines", $$$"""{"prompt":"p",{{{Schedule}}},{{{Target}}}}""", 400, "name", null),
            ("POST", "/api/routines", $$$"""{"name":"n",{{{Schedule}}},{{{Target}}}}""", 400, "prompt", null),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p",{{{Target}}}}""", 400, "schedule", null),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p",{{{Schedule}}}}""", 400, "target", null),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p",{{{Schedule}}},"target":{"sessionId":"nope"}}""", 400, "target.sessionId", "nope"),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p",{{{Schedule}}},"target":{"sessionId":"../../etc"}}""", 400, "target.sessionId", null),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p",{{{Schedule}}},"target":{"sessionId":"s1","channel":"chat","chatId":"c"}}""", 400, "target", null),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p",{{{Schedule}}},"target":{"channel":"telegram","chatId":"c"}}""", 400, "target.channel", "chat"),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p",{{{Schedule}}},"target":{"channel":"chat"}}""", 400, "target.chatId", null),
            ("POST", "/api/routines", $$$"""{"name":"n","prompt":"p",{{{Schedule}}},{{{Target}}},"model":"gpt-9"}""", 400, "model", "gpt-9"),
            ("POST", "/api/routines", $$$"""{"id":"../../etc/passwd","name":"n","prompt":"p",{{{Schedule}}},{{{Target}}}}""", 400, "id", null),
            ("POST", "/api/routines", $$$"""{"id":"a.json","name":"n","prompt":"p",{{{Schedule}}},{{{Target}}}}""", 400, "id", null),
            ("GET", "/api/routines/a.json", null, 400, "id", null),
            ("GET", "/api/routines/..%2F..%2Fetc", null, 400, "id", null),
            ("GET", "/api/routines/x%20y", null, 400, "id", null),
            ("GET", "/api/routines/nope", null, 404, null, "nope"),
            ("PUT", "/api/routines/nope", $$$"""{"name":"n","prompt":"p",{{{Schedule}}},{{{Target}}}}""", 404, null, null),
            ("PUT", "/api/routines/a.b", $$$"""{"name":"n","prompt":"p",{{{Schedule}}},{{{Target}}}}""", 400, "id", null),
            ("PUT", "/api/routines/r1", $$$"""{"id":"r2","name":"n","prompt":"p",{{{Schedule}}},{{{Target}}}}""", 400, "id", null),
            ("PUT", "/api/routines/r1", $$$"""{"name":"n","prompt":"p",{{{Schedule}}}}""", 400, "target", null),
            ("PATCH", "/api/routines/nope", """{"name":"x"}""", 404, null, null),
            ("PATCH", "/api/routines/r1", """{"schedule":{"cron":"* * * * * *"}}""", 400, "schedule.cron", "five"),
            ("PATCH", "/api/routines/r1", """{"name":""}""", 400, "name", null),
            ("PATCH", "/api/routines/r1", """{"enabled":1}""", 400, "enabled", null),
            ("DELETE", "/api/routines/..%2Fr1", null, 400, "id", null),
            ("DELETE", "/api/routines/nope", null, 404, null, null),
            ("POST", "/api/routines/nope/run", null, 404, null, null),
            ("POST", "/api/routines/bad.id/run", null, 400, "id", null),
        ];

        var failures = new List<string>();
        foreach (var (method, path, body, status, param, detail) in cases)
        {
            using var response = await host.Client.SendAsync(GAgentTestHost.Request(new HttpMethod(method), path, body));
            var text = await response.Content.ReadAsStringAsync();
            var problem = text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonDocument.Parse(text).RootElement : default;
            var ok = (int)response.StatusCode == status
                && problem.ValueKind == JsonValueKind.Object
                && !string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString())
                && (param is null || (problem.TryGetProperty("param", out var p) && p.GetString() == param))
                && (detail is null || problem.GetProperty("detail").GetString()!.Contains(detail, StringComparison.Ordinal));
            if (!ok)
            {
                failures.Add($"{method} {path} {body} -> {(int)response.StatusCode} {text}");
            }
        }

        Assert.Empty(failures);

        // Nothing invalid was stored, and the valid routine is unchanged.
        var list = await host.Client.GetFromJsonAsync<JsonElement>("/api/routines");
        var only = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("r1", only.GetProperty("id").GetString());
        Assert.Equal("n", only.GetProperty("name").GetString());
        Assert.Equal(["r1.json"], Directory.EnumerateFiles(Path.Combine(host.DataDirectory, "routines")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Non_json_bodies_are_refused()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/routines") { Content = new StringContent("name=n", System.Text.Encoding.UTF8, "text/plain") };
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Run_now_starts_a_run_whose_message_lands_in_the_target_session()
    {
        await using var host = await StartAsync();
        await CreateSessionAsync(host);
        await SendAsync(host, HttpMethod.Post, "/api/routines", """{"id":"report","name":"Report","prompt":"Write the weekly report.","schedule":{"cron":"0 9 * * MON"},"target":{"sessionId":"s1"}}""", HttpStatusCode.Created);

        using var response = await host.Client.PostAsync("/api/routines/report/run", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        var runId = started.GetProperty("runId").GetString()!;
        Assert.Equal("report", started.GetProperty("routineId").GetString());
        Assert.Equal("s1", started.GetProperty("sessionId").GetString());
        Assert.Equal($"/api/runs/{runId}", response.Headers.Location?.OriginalString);

        var routine = await WaitForLastRunAsync(host, "report", "completed");
        var lastRun = routine.GetProperty("lastRun");
        Assert.Equal(runId, lastRun.GetProperty("runId").GetString());
        Assert.Equal("manual", lastRun.GetProperty("trigger").GetString());
        Assert.True(lastRun.TryGetProperty("startedAt", out _));
        Assert.True(lastRun.TryGetProperty("finishedAt", out _));
        Assert.True(routine.TryGetProperty("nextRunAt", out _));

        var messages = (await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/s1/messages")).GetProperty("items").EnumerateArray().ToList();
        var user = messages.Single(m => m.GetProperty("role").GetString() == "user");
        Assert.Equal("Write the weekly report.", user.GetProperty("text").GetString());
        Assert.Equal("routine-report", user.GetProperty("authorName").GetString());
        Assert.Equal(runId, user.GetProperty("runId").GetString());
        Assert.Contains(messages, m => m.GetProperty("role").GetString() == "assistant" && m.GetProperty("text").GetString() == "Scheduled answer.");
    }

    [Fact]
    public async Task Run_now_on_a_busy_session_conflicts()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Gated(release.Task, ct));
        await using var host = await StartAsync(client);
        await CreateSessionAsync(host);
        await SendAsync(host, HttpMethod.Post, "/api/routines", """{"id":"r1","name":"n","prompt":"p","schedule":{"cron":"@daily"},"target":{"sessionId":"s1"}}""", HttpStatusCode.Created);
        var first = await SendAsync(host, HttpMethod.Post, "/api/routines/r1/run", null, HttpStatusCode.Accepted);
        var busy = await SendAsync(host, HttpMethod.Post, "/api/routines/r1/run", null, HttpStatusCode.Conflict);
        Assert.Equal("session_busy", busy.GetProperty("code").GetString());
        Assert.Contains(first.GetProperty("runId").GetString()!, busy.GetProperty("detail").GetString(), StringComparison.Ordinal);
        release.SetResult();
        await WaitForLastRunAsync(host, "r1", "completed");
    }

    [Fact]
    public async Task A_channel_target_delivers_through_the_channel()
    {
        var channel = new RecordingChannel("chat");
        await using var host = await StartAsync(configure: b => b.AddChannel(_ => channel));
        await channel.Started.WaitAsync(Timeout);
        await WaitForChannelRunningAsync(host);
        var created = await SendAsync(host, HttpMethod.Post, "/api/routines", """{"id":"news","name":"News","prompt":"Morning news please.","schedule":{"cron":"0 7 * * *","timeZone":"America/New_York"},"target":{"channel":"chat","chatId":"family"}}""", HttpStatusCode.Created);
        Assert.Equal("chat", created.GetProperty("target").GetProperty("channel").GetString());
        Assert.Equal("family", created.GetProperty("target").GetProperty("chatId").GetString());
        Assert.Equal(ChannelSessionIds.For("chat", "family"), created.GetProperty("target").GetProperty("sessionId").GetString());

        await SendAsync(host, HttpMethod.Post, "/api/routines/news/run", null, HttpStatusCode.Accepted);
        var sent = await channel.FinalSent.WaitAsync(Timeout);
        Assert.Equal("family", sent.ConversationId);
        Assert.Equal("Scheduled answer.", sent.Text);
        await WaitForLastRunAsync(host, "news", "completed");
    }

    [Fact]
    public async Task Reading_needs_chat_and_changing_needs_admin()
    {
        var settings = new Dictionary<string, string?>
        {
            ["GAgent:ApiKeys:0:Key"] = ChatKey,
            ["GAgent:ApiKeys:0:Scopes:0"] = "chat",
            ["GAgent:ApiKeys:1:Key"] = AdminKey,
        };
        await using var host = await StartAsync(settings: settings);
        await CreateSessionAsync(host);
        const string Body = """{"id":"r1","name":"n","prompt":"p","schedule":{"cron":"@daily"},"target":{"sessionId":"s1"}}""";

        using (var anonymous = await host.Client.GetAsync("/api/routines"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var refused = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/routines", Body, ChatKey)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var created = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/routines", Body, AdminKey)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        foreach (var (method, path) in new[] { ("GET", "/api/routines"), ("GET", "/api/routines/r1") })
        {
            using var read = await host.Client.SendAsync(GAgentTestHost.Request(new HttpMethod(method), path, bearer: ChatKey));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        foreach (var (method, path, body) in new[] { ("PATCH", "/api/routines/r1", "{\"name\":\"x\"}"), ("PUT", "/api/routines/r1", Body), ("DELETE", "/api/routines/r1", null), ("POST", "/api/routines/r1/run", null) })
        {
            using var change = await host.Client.SendAsync(GAgentTestHost.Request(new HttpMethod(method), path, body, ChatKey));
            Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        }
    }

    private static async Task<JsonElement> WaitForLastRunAsync(GAgentTestHost host, string id, string status)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var routine = await host.Client.GetFromJsonAsync<JsonElement>($"/api/routines/{id}", timeout.Token);
            if (routine.TryGetProperty("lastRun", out var run) && run.GetProperty("status").GetString() == status)
            {
                return routine;
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    private static async Task WaitForChannelRunningAsync(GAgentTestHost host)
    {
        var manager = host.Services.GetRequiredService<ChannelManager>();
        using var timeout = new CancellationTokenSource(Timeout);
        while (manager.GetStatus("chat").State != ChannelState.Running)
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
