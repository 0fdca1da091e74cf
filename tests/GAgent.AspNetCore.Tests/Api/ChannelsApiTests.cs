using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Api;

public sealed class ChannelsApiTests
{
    [Fact]
    public async Task The_websocket_surface_is_listed_as_a_channel_even_when_no_other_is_registered()
    {
        await using var host = await GAgentTestHost.StartAsync();
        JsonElement websocket;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        do
        {
            await Task.Delay(10, timeout.Token);
            var list = await host.Client.GetFromJsonAsync<JsonElement>("/api/channels", timeout.Token);
            websocket = Assert.Single(list.GetProperty("data").EnumerateArray());
        }
        while (websocket.GetProperty("status").GetProperty("state").GetString() != "Running");

        Assert.Equal("websocket", websocket.GetProperty("name").GetString());
        Assert.True(websocket.GetProperty("capabilities").GetProperty("supportsStreamingEdits").GetBoolean());
        Assert.True(websocket.GetProperty("capabilities").GetProperty("supportsMediaReceive").GetBoolean());
        Assert.False(websocket.GetProperty("capabilities").TryGetProperty("maxTextLength", out _));
    }

    [Fact]
    public async Task Lists_channels_with_capabilities_and_status()
    {
        var running = new StubChannel("chat", failStart: false);
        var broken = new StubChannel("broken", failStart: true);
        await using var host = await GAgentTestHost.StartAsync(
            b => b.UseOfflineDemoModel(o => o.WordDelay = TimeSpan.Zero).AddChannel(_ => running).AddChannel(_ => broken),
            new Dictionary<string, string?>
            {
                ["GAgent:ChannelRestart:InitialDelay"] = "00:00:00.020",
                ["GAgent:ChannelRestart:MaxDelay"] = "00:00:00.050",
                ["GAgent:Channels:chat:AllowFrom:0"] = "alice",
            });
        await running.Started.WaitAsync(TimeSpan.FromSeconds(10));

        JsonElement list;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        do
        {
            await Task.Delay(10, timeout.Token);
            list = await host.Client.GetFromJsonAsync<JsonElement>("/api/channels", timeout.Token);
        }
        while (Channel(list, "chat").GetProperty("status").GetProperty("state").GetString() != "Running"
            || Channel(list, "broken").GetProperty("status").GetProperty("restarts").GetInt32() < 1);

        Assert.Equal(["websocket", "chat", "broken"], list.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var chat = Channel(list, "chat");
        Assert.Equal("chat", chat.GetProperty("name").GetString());
        Assert.Equal(1000, chat.GetProperty("capabilities").GetProperty("maxTextLength").GetInt32());
        Assert.Equal("Markdown", chat.GetProperty("capabilities").GetProperty("markup").GetString());
        Assert.True(chat.GetProperty("capabilities").GetProperty("supportsStreamingEdits").GetBoolean());
        Assert.True(chat.GetProperty("status").GetProperty("enabled").GetBoolean());
        Assert.True(chat.GetProperty("status").TryGetProperty("startedAt", out _));

        var failing = Channel(list, "broken");
        Assert.Equal("broken", failing.GetProperty("name").GetString());
        Assert.Equal("no network", failing.GetProperty("status").GetProperty("lastError").GetString());
        Assert.Contains(failing.GetProperty("status").GetProperty("state").GetString(), new[] { "Faulted", "Restarting" });

        // AllowFrom bound from configuration reaches the dispatcher.
        var refused = await running.Context!.DispatchAsync(
            new InboundMessage { ChannelName = "chat", SenderId = "mallory", ConversationId = "c1", Text = "hi" },
            CancellationToken.None);
        Assert.Equal(DispatchRefusal.SenderNotAllowed, refused.Refusal);
    }

    [Fact]
    public async Task Requires_the_admin_scope()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["GAgent:ApiKeys:0:Key"] = "chat-key-0123456789abcdef0123456789",
            ["GAgent:ApiKeys:0:Scopes:0"] = "chat",
        });
        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, "/api/channels", bearer: "chat-key-0123456789abcdef0123456789"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static JsonElement Channel(JsonElement list, string name)
        => list.GetProperty("data").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private sealed class StubChannel(string name, bool failStart) : IChannel
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name { get; } = name;

        public ChannelCapabilities Capabilities { get; } = new() { MaxTextLength = 1000, Markup = ChannelMarkup.Markdown, SupportsStreamingEdits = true };

        public IChannelContext? Context { get; private set; }

        public Task Started => _started.Task;

        public Task StartAsync(IChannelContext context, CancellationToken cancellationToken)
        {
            if (failStart)
            {
                throw new HttpRequestException("no network");
            }

            Context = context;
            _started.TrySetResult();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken) => Task.FromResult(DeliveryResult.Success());
    }
}
