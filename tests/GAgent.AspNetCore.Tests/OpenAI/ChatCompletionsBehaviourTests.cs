using System.ClientModel;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Providers;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace GAgent.AspNetCore.Tests.OpenAI;

/// <summary>Chat completions behaviour beyond the happy path: session binding, images, failures, disconnects, framing.</summary>
public sealed class ChatCompletionsBehaviourTests
{
    private static ScriptedChatClient Echo() => new((messages, _, ct) => ScriptedChatClient.Respond([new TextContent("echo: " + messages[^1].Text)], Microsoft.Extensions.AI.ChatFinishReason.Stop, ct));

    [Fact]
    public async Task A_session_header_binds_the_conversation_to_a_stored_session_without_duplicates()
    {
        var model = Echo();
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("echo", model));
        const string first = """{"model":"echo","messages":[{"role":"system","content":"Be terse."},{"role":"user","content":"one"}]}""";
        const string second = """{"model":"echo","messages":[{"role":"system","content":"Be terse."},{"role":"user","content":"one"},{"role":"assistant","content":"echo: one"},{"role":"user","content":"two"}]}""";

        foreach (var body in new[] { first, second })
        {
            using var request = GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", body);
            request.Headers.Add("X-GAgent-Session-Id", "open-webui-chat-1");
            using var response = await host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var stored = await host.Services.GetRequiredService<ISessionStore>().ReadMessagesAsync("open-webui-chat-1", new MessageQuery());
        Assert.Equal(["one", "echo: one", "two", "echo: two"], stored.Items.Select(m => m.Text));
        var sent = model.Calls[1].Messages;
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], sent.Select(m => m.Role));
        Assert.EndsWith("Be terse.", sent[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_session_header_is_a_400_naming_the_header()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var request = GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", """{"model":"gagent-demo","messages":[{"role":"user","content":"hi"}]}""");
        request.Headers.Add("X-GAgent-Session-Id", "../escape");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("X-GAgent-Session-Id", json.RootElement.GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task Images_reach_the_model_as_data_or_uri_content_and_remote_urls_follow_the_policy()
    {
        var model = Echo();
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("echo", model));
        var chat = host.CreateOpenAIClient().GetChatClient("echo");
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

        await chat.CompleteChatAsync([new UserChatMessage(
            ChatMessageContentPart.CreateTextPart("what is this?"),
            ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(png), "image/png"),
            ChatMessageContentPart.CreateImagePart(new Uri("https://example.com/cat.png")))]);

        var contents = model.Calls[0].Messages[^1].Contents;
        var data = Assert.Single(contents.OfType<DataContent>());
        Assert.Equal("image/png", data.MediaType);
        Assert.Equal(png, data.Data.ToArray());
        Assert.Equal(new Uri("https://example.com/cat.png"), Assert.Single(contents.OfType<UriContent>()).Uri);

        await using var strict = await GAgentTestHost.StartAsync(g => g.AddChatClient("echo", Echo()), new Dictionary<string, string?> { ["GAgent:RemoteImages"] = "Reject" });
        var error = await Assert.ThrowsAsync<ClientResultException>(() => strict.CreateOpenAIClient().GetChatClient("echo").CompleteChatAsync(
            [new UserChatMessage(ChatMessageContentPart.CreateImagePart(new Uri("https://example.com/cat.png")))]));
        Assert.Equal(400, error.Status);
        Assert.Contains("data: URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_failure_is_a_502_with_the_providers_message()
    {
        var failing = new ScriptedChatClient((_, _, ct) => Throwing(new ChatProviderException("openai", "The model provider returned 429: quota exceeded", 429, "insufficient_quota"), cancellationToken: ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("failing", failing));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => host.CreateOpenAIClient().GetChatClient("failing").CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(502, error.Status);
        using var json = JsonDocument.Parse(error.GetRawResponse()!.Content.ToString());
        Assert.Contains("quota exceeded", json.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("server_error", json.RootElement.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_failure_mid_stream_is_sent_as_an_error_frame_without_done()
    {
        var failing = new ScriptedChatClient((_, _, ct) => Throwing(new ChatProviderException("openai", "upstream dropped the connection"), new TextContent("partial "), ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("failing", failing));

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", """{"model":"failing","stream":true,"messages":[{"role":"user","content":"hi"}]}"""), HttpCompletionOption.ResponseHeadersRead);
        var items = await SseEvents.ReadAllAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(items, i => i.Data == "[DONE]");
        var last = JsonDocument.Parse(items[^1].Data).RootElement;
        Assert.Contains("upstream dropped the connection", last.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(items, i => i.Data.Contains("partial ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_stream_uses_data_only_frames_and_ends_with_done()
    {
        await using var host = await GAgentTestHost.StartAsync();

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", """{"model":"gagent-demo","stream":true,"messages":[{"role":"user","content":"hi"}]}"""));
        var raw = await response.Content.ReadAsStringAsync();

        var frames = raw.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(frames, f => Assert.StartsWith("data: ", f, StringComparison.Ordinal));
        Assert.All(frames, f => Assert.DoesNotContain('\n', f));
        Assert.Equal("data: [DONE]", frames[^1]);
        Assert.EndsWith("\n\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_disconnect_cancels_the_run()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new ScriptedChatClient((_, _, ct) =>
        {
            ct.Register(() => cancelled.TrySetResult());
            return ScriptedChatClient.Gated(Task.Delay(Timeout.Infinite, CancellationToken.None), ct);
        });
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("slow", slow));

        using (var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", """{"model":"slow","stream":true,"messages":[{"role":"user","content":"hi"}]}"""), HttpCompletionOption.ResponseHeadersRead))
        {
            await using var stream = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64];
            _ = await stream.ReadAsync(buffer);
        }

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Throwing(Exception exception, AIContent? before = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (before is not null)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [before]);
        }

        await Task.Yield();
        throw exception;
    }
}
