using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Live;

public sealed class WebSocketChannelTests
{
    private static string? Type(JsonElement message) => message.GetProperty("type").GetString();

    [Fact]
    public async Task A_disabled_websocket_channel_refuses_the_handshake_with_503_naming_the_setting()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:Channels:websocket:Enabled"] = "false" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await LiveSocket.RefusedStatusAsync(host));
        var list = await host.Client.GetFromJsonAsync<JsonElement>("/api/channels");
        var websocket = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.False(websocket.GetProperty("status").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Socket_messages_take_the_channel_path_so_its_allow_from_list_applies()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:Channels:websocket:AllowFrom:0"] = "someone-else" });
        using (var created = await host.Client.PostAsync("/api/sessions", JsonContent.Create(new { id = "guarded" })))
        {
            created.EnsureSuccessStatusCode();
        }

        await using var socket = await LiveSocket.ConnectAsync(host);
        await socket.SendAsync("""{"type":"message","sessionId":"guarded","content":"hello","clientRequestId":"m"}""");
        var refused = (await socket.ReceiveUntilAsync(m => Type(m) == "error"))[^1];
        Assert.Equal("sender_not_allowed", refused.GetProperty("code").GetString());
        Assert.Equal("m", refused.GetProperty("clientRequestId").GetString());

        var page = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/guarded/messages");
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Outbound_channel_messages_reach_only_the_sockets_following_the_session()
    {
        await using var host = await GAgentTestHost.StartAsync();
        foreach (var id in new[] { "inbox", "elsewhere" })
        {
            using var created = await host.Client.PostAsync("/api/sessions", JsonContent.Create(new { id }));
            created.EnsureSuccessStatusCode();
        }

        await using var follower = await LiveSocket.ConnectAsync(host);
        await using var other = await LiveSocket.ConnectAsync(host);
        await follower.SendAsync("""{"type":"subscribe","sessionId":"inbox","clientRequestId":"s"}""");
        await follower.ReceiveUntilAsync(m => Type(m) == "ack");
        await other.SendAsync("""{"type":"subscribe","sessionId":"elsewhere","clientRequestId":"s"}""");
        await other.ReceiveUntilAsync(m => Type(m) == "ack");

        var channel = host.Services.GetRequiredService<ChannelManager>().Channels.Single(c => c.Name == "websocket");
        var delivered = await channel.SendAsync(new OutboundMessage { ChannelName = "websocket", ConversationId = "inbox", Text = "Reminder: stand-up at 10.", RunId = "run_1" }, CancellationToken.None);
        Assert.True(delivered.Succeeded);
        var nobody = await channel.SendAsync(new OutboundMessage { ChannelName = "websocket", ConversationId = "unfollowed", Text = "lost" }, CancellationToken.None);
        Assert.False(nobody.Succeeded);

        var message = (await follower.ReceiveUntilAsync(m => Type(m) == "channel_message"))[^1];
        Assert.Equal("inbox", message.GetProperty("sessionId").GetString());
        Assert.Equal("Reminder: stand-up at 10.", message.GetProperty("text").GetString());
        Assert.True(message.GetProperty("isFinal").GetBoolean());

        await other.SendAsync("""{"type":"ping","clientRequestId":"p"}""");
        Assert.DoesNotContain(await other.ReceiveUntilAsync(m => Type(m) == "pong"), m => Type(m) == "channel_message");
    }
}
