using System.Net;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Live;

public sealed class KeepAliveTests
{
    private static readonly Dictionary<string, string?> FastKeepAlive = new() { ["GAgent:Streaming:KeepAliveInterval"] = "00:00:00.100" };

    [Fact]
    public async Task A_silent_model_call_gets_keepalive_comments_between_whole_events()
    {
        var release = new TaskCompletionSource();
        var client = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Gated(release.Task, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("slow", client), FastKeepAlive);
        await host.Services.GetRequiredService<ISessionStore>().CreateAsync(new NewSession { Id = "quiet" });

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/quiet/messages", "{\"content\":\"take your time\"}"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);

            // On a loaded machine a keepalive may even precede RUN_STARTED; wait for one during the silent model call.
            if (line == ": keepalive" && lines.Exists(static l => l.Contains("\"TEXT_MESSAGE_CONTENT\"", StringComparison.Ordinal)))
            {
                break;
            }
        }

        release.SetResult();
        lines.AddRange((await reader.ReadToEndAsync(timeout.Token)).Split('\n'));

        var keepalives = Enumerable.Range(0, lines.Count).Where(i => lines[i] == ": keepalive").ToList();
        var firstDelta = lines.FindIndex(static l => l.Contains("\"TEXT_MESSAGE_CONTENT\"", StringComparison.Ordinal));
        Assert.True(keepalives.Exists(i => i > firstDelta), "no keepalive comment during the silent model call");
        Assert.All(keepalives, i => Assert.True(i == 0 || lines[i - 1].Length == 0, $"keepalive at line {i} is inside an event"));
        Assert.Contains(lines, l => l.Contains("\"RUN_FINISHED\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_OpenAI_chat_stream_gets_keepalive_comments_too()
    {
        var release = new TaskCompletionSource();
        var client = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Gated(release.Task, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("slow", client), FastKeepAlive);

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", "{\"model\":\"slow\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var sawKeepAlive = false;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == ": keepalive" && !sawKeepAlive)
            {
                sawKeepAlive = true;
                release.SetResult();
            }

            if (line == "data: [DONE]")
            {
                break;
            }
        }

        Assert.True(sawKeepAlive);
    }
}
