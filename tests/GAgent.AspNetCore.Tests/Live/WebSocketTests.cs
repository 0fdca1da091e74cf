using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Live;

public sealed class WebSocketTests
{
    [Fact]
    public async Task Two_sessions_share_one_socket()
    {
        await using var host = await GAgentTestHost.StartAsync();
        await CreateSessionsAsync(host, "left", "right");
        await using var socket = await LiveSocket.ConnectAsync(host);

        await socket.SendAsync("""{"type":"message","sessionId":"left","content":"What is 2+3?","clientRequestId":"a"}""");
        await socket.SendAsync("""{"type":"message","sessionId":"right","content":"Hello","clientRequestId":"b"}""");
        var finished = new HashSet<string>();
        var messages = await socket.ReceiveUntilAsync(m =>
        {
            if (Type(m) == "RUN_FINISHED")
            {
                finished.Add(m.GetProperty("sessionId").GetString()!);
            }

            return finished.Count == 2;
        });

        var acks = messages.Where(m => Type(m) == "ack").ToList();
        Assert.Equal(["a", "b"], acks.Select(a => a.GetProperty("clientRequestId").GetString()).Order());
        foreach (var session in new[] { "left", "right" })
        {
            var events = messages.Where(m => m.TryGetProperty("sequence", out _) && m.GetProperty("sessionId").GetString() == session).ToList();
            Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.GetProperty("sequence").GetInt64()));
            Assert.Equal("RUN_STARTED", Type(events[0]));
            Assert.All(events, e => Assert.Equal(session, e.GetProperty("threadId").GetString()));
            Assert.Equal(acks.Single(a => a.GetProperty("sessionId").GetString() == session).GetProperty("runId").GetString(), events[0].GetProperty("runId").GetString());
        }
    }

    [Fact]
    public async Task Every_socket_subscribed_to_a_session_gets_its_runs_whoever_starts_them()
    {
        await using var host = await GAgentTestHost.StartAsync();
        await CreateSessionsAsync(host, "shared");
        await using var first = await LiveSocket.ConnectAsync(host);
        await using var second = await LiveSocket.ConnectAsync(host);
        await second.SendAsync("""{"type":"subscribe","sessionId":"shared","clientRequestId":"s"}""");
        Assert.Equal("ack", Type(await second.ReceiveAsync()));

        await first.SendAsync("""{"type":"message","sessionId":"shared","content":"What is 2+3?"}""");
        var one = Events(await first.ReceiveUntilAsync(m => Type(m) == "RUN_FINISHED"));
        var two = Events(await second.ReceiveUntilAsync(m => Type(m) == "RUN_FINISHED"));
        Assert.Equal(one.Select(e => e.GetRawText()), two.Select(e => e.GetRawText()));

        // A run started over HTTP reaches both sockets too.
        using var started = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/shared/messages?stream=false", "{\"content\":\"Hello\"}"));
        started.EnsureSuccessStatusCode();
        var httpRunId = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        Assert.Equal(httpRunId, Events(await first.ReceiveUntilAsync(m => Type(m) == "RUN_FINISHED"))[0].GetProperty("runId").GetString());
        Assert.Equal(httpRunId, Events(await second.ReceiveUntilAsync(m => Type(m) == "RUN_FINISHED"))[0].GetProperty("runId").GetString());
    }

    [Fact]
    public async Task Each_later_run_reaches_a_subscribed_socket_once()
    {
        await using var host = await GAgentTestHost.StartAsync();
        await CreateSessionsAsync(host, "many");
        await using var watcher = await LiveSocket.ConnectAsync(host);
        await watcher.SendAsync("""{"type":"subscribe","sessionId":"many","clientRequestId":"w"}""");
        Assert.Equal("ack", Type(await watcher.ReceiveAsync()));

        var runIds = new List<string?>();
        var seen = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            using var started = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/many/messages?stream=false", "{\"content\":\"Hello\"}"));
            started.EnsureSuccessStatusCode();
            runIds.Add(JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString());
            var events = Events(await watcher.ReceiveUntilAsync(m => Type(m) == "RUN_FINISHED"));
            seen.AddRange(events.Where(e => Type(e) == "RUN_STARTED").Select(e => e.GetProperty("runId").GetString()));
            await WaitUntilIdleAsync(host, "many");
        }

        // In order, each once: nothing remembered from the start stands in for a later run.
        Assert.Equal(runIds, seen);
    }

    [Fact]
    public async Task Stop_over_the_socket_cancels_the_run_mid_stream()
    {
        var release = new TaskCompletionSource();
        var model = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Gated(release.Task, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("slow", model));
        await CreateSessionsAsync(host, "stoppable");
        await using var socket = await LiveSocket.ConnectAsync(host);

        await socket.SendAsync("""{"type":"message","sessionId":"stoppable","content":"go","clientRequestId":"m"}""");
        var before = await socket.ReceiveUntilAsync(m => Type(m) == "TEXT_MESSAGE_CONTENT");
        var runId = before.Last().GetProperty("runId").GetString();
        await socket.SendAsync($$"""{"type":"stop","runId":"{{runId}}","clientRequestId":"stop-1"}""");
        var after = await socket.ReceiveUntilAsync(m => Type(m) == "RUN_ERROR");

        Assert.Contains(before.Concat(after), m => Type(m) == "ack" && m.GetProperty("clientRequestId").GetString() == "stop-1");
        Assert.Equal("run_cancelled", after[^1].GetProperty("code").GetString());
        release.SetResult();
    }

    [Fact]
    public async Task Resuming_after_a_sequence_loses_and_repeats_no_event()
    {
        var release = new TaskCompletionSource();
        var model = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Gated(release.Task, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("slow", model));
        await CreateSessionsAsync(host, "resumable");

        List<JsonElement> seen;
        await using (var dropped = await LiveSocket.ConnectAsync(host))
        {
            await dropped.SendAsync("""{"type":"message","sessionId":"resumable","content":"go"}""");
            seen = Events(await dropped.ReceiveUntilAsync(m => Type(m) == "TEXT_MESSAGE_CONTENT"));
            dropped.Socket.Abort();
        }

        var runId = seen[0].GetProperty("runId").GetString();
        var last = seen[^1].GetProperty("sequence").GetInt64();
        release.SetResult();
        await using var resumed = await LiveSocket.ConnectAsync(host);
        await resumed.SendAsync($$"""{"type":"subscribe","sessionId":"resumable","runId":"{{runId}}","afterSequence":{{last}}}""");
        var rest = Events(await resumed.ReceiveUntilAsync(m => Type(m) == "RUN_FINISHED"));

        var all = seen.Concat(rest).Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all);
        Assert.All(rest, e => Assert.Equal(runId, e.GetProperty("runId").GetString()));
    }

    [Fact]
    public async Task Malformed_frames_get_an_error_and_the_socket_keeps_working()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:WebSocket:MaxMessageBytes"] = "1024" });
        await using var socket = await LiveSocket.ConnectAsync(host);

        await socket.SendAsync("this is not json");
        Assert.Equal("invalid_json", (await socket.ReceiveAsync()).GetProperty("code").GetString());
        await socket.Socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.Equal("invalid_frame", (await socket.ReceiveAsync()).GetProperty("code").GetString());
        await socket.SendAsync("""{"type":"dance","clientRequestId":"x"}""");
        var unknown = await socket.ReceiveAsync();
        Assert.Equal("unknown_type", unknown.GetProperty("code").GetString());
        Assert.Equal("x", unknown.GetProperty("clientRequestId").GetString());
        await socket.SendAsync("{\"type\":\"message\",\"sessionId\":\"s\",\"content\":\"" + new string('a', 5000) + "\"}");
        Assert.Equal("message_too_large", (await socket.ReceiveAsync()).GetProperty("code").GetString());
        await socket.SendAsync("""{"type":"subscribe","sessionId":"missing","clientRequestId":"m"}""");
        Assert.Equal("session_not_found", (await socket.ReceiveAsync()).GetProperty("code").GetString());

        await socket.SendAsync("""{"type":"ping","clientRequestId":"still-here"}""");
        var pong = await socket.ReceiveAsync();
        Assert.Equal("pong", Type(pong));
        Assert.Equal("still-here", pong.GetProperty("clientRequestId").GetString());
    }

    [Fact]
    public async Task Messages_split_over_frames_and_empty_messages_are_read_whole()
    {
        await using var host = await GAgentTestHost.StartAsync();
        await using var socket = await LiveSocket.ConnectAsync(host);

        // An idle socket waits with an empty read and rents its buffer only for the frames of a message.
        await socket.Socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        Assert.Equal("invalid_json", (await socket.ReceiveAsync()).GetProperty("code").GetString());
        var parts = new[] { "{\"type\":", "\"ping\",\"clientRe", "questId\":\"split\"}" };
        for (var i = 0; i < parts.Length; i++)
        {
            await socket.Socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(parts[i]), WebSocketMessageType.Text, endOfMessage: i == parts.Length - 1, CancellationToken.None);
        }

        var pong = await socket.ReceiveAsync();
        Assert.Equal("pong", Type(pong));
        Assert.Equal("split", pong.GetProperty("clientRequestId").GetString());
        await socket.SendAsync("""{"type":"ping","clientRequestId":"after"}""");
        Assert.Equal("after", (await socket.ReceiveAsync()).GetProperty("clientRequestId").GetString());
    }

    [Fact]
    public async Task A_slow_consumer_is_cut_off_without_stalling_another_socket()
    {
        var model = new ScriptedChatClient((_, _, ct) => Flood(ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("flood", model), new Dictionary<string, string?> { ["GAgent:WebSocket:SendQueueCapacity"] = "64" });
        await CreateSessionsAsync(host, "busy");
        await using var slow = await LiveSocket.ConnectAsync(host);
        await using var fast = await LiveSocket.ConnectAsync(host);
        await slow.SendAsync("""{"type":"subscribe","sessionId":"busy"}""");
        await fast.SendAsync("""{"type":"subscribe","sessionId":"busy"}""");
        Assert.Equal("ack", Type(await fast.ReceiveAsync()));

        // The slow socket reads nothing while the run floods both sockets.
        using var started = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/busy/messages?stream=false", "{\"content\":\"flood\"}"));
        started.EnsureSuccessStatusCode();
        var events = await fast.ReceiveUntilAsync(m => Type(m) == "RUN_FINISHED", TimeSpan.FromSeconds(60));
        Assert.Equal(FloodChunks + 1, events.Count(m => Type(m) == "TEXT_MESSAGE_CONTENT"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await slow.Socket.ReceiveAsync(buffer, timeout.Token);
        }
        while (result.MessageType != WebSocketMessageType.Close);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, result.CloseStatus);
    }

    private const int FloodChunks = 600;

    private static async IAsyncEnumerable<ChatResponseUpdate> Flood([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new string('x', 32 * 1024);
        for (var i = 0; i < FloodChunks; i++)
        {
            await Task.Delay(1, cancellationToken);
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk);
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, ".") { FinishReason = ChatFinishReason.Stop };
    }

    private static async Task CreateSessionsAsync(GAgentTestHost host, params string[] ids)
    {
        var store = host.Services.GetRequiredService<ISessionStore>();
        foreach (var id in ids)
        {
            await store.CreateAsync(new NewSession { Id = id });
        }
    }

    /// <summary>Waits until the session has no active run (the run that finished has also been released).</summary>
    private static async Task WaitUntilIdleAsync(GAgentTestHost host, string sessionId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, "/api/sessions/" + sessionId), timeout.Token);
            response.EnsureSuccessStatusCode();
            var session = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token)).RootElement;
            if (!session.TryGetProperty("activeRunId", out var active) || active.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    private static List<JsonElement> Events(IEnumerable<JsonElement> messages) => [.. messages.Where(m => m.TryGetProperty("sequence", out _))];

    private static string? Type(JsonElement message) => message.GetProperty("type").GetString();
}
