using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Events;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Live;

public sealed class WebSocketNotificationTests
{
    private static string? Type(JsonElement message) => message.GetProperty("type").GetString();

    private static bool IsCustom(JsonElement message, string name)
        => Type(message) == "CUSTOM" && message.GetProperty("name").GetString() == name;

    [Fact]
    public async Task Session_changes_made_over_http_reach_every_socket_without_subscribing()
    {
        await using var host = await GAgentTestHost.StartAsync();
        await using var socket = await LiveSocket.ConnectAsync(host);
        await socket.SendAsync("""{"type":"ping","clientRequestId":"ready"}""");
        await socket.ReceiveUntilAsync(m => Type(m) == "pong");

        using (var created = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions", """{"id":"watched","title":"Plan"}""")))
        {
            created.EnsureSuccessStatusCode();
        }

        var createdEvent = (await socket.ReceiveUntilAsync(m => IsCustom(m, GAgentEventNames.SessionCreated)))[^1];
        Assert.Equal("watched", createdEvent.GetProperty("value").GetProperty("id").GetString());
        Assert.False(createdEvent.TryGetProperty("runId", out _));
        Assert.False(createdEvent.TryGetProperty("sequence", out _));

        using (var renamed = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Patch, "/api/sessions/watched", """{"title":"Better plan"}""")))
        {
            renamed.EnsureSuccessStatusCode();
        }

        var updated = (await socket.ReceiveUntilAsync(m => IsCustom(m, GAgentEventNames.SessionUpdated)))[^1];
        Assert.Equal("Better plan", updated.GetProperty("value").GetProperty("title").GetString());

        using (var started = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/watched/messages?stream=false", """{"content":"Hello"}""")))
        {
            started.EnsureSuccessStatusCode();
        }

        // The socket does not follow the session, yet learns that it is busy and when it is idle again.
        var statuses = await socket.ReceiveUntilAsync(m => IsCustom(m, GAgentEventNames.RunStatus) && m.GetProperty("value").GetProperty("status").GetString() == "completed");
        Assert.Contains(statuses, m => IsCustom(m, GAgentEventNames.RunStatus) && m.GetProperty("value").GetProperty("status").GetString() is "queued" or "running");
        Assert.DoesNotContain(statuses, m => m.TryGetProperty("sequence", out _));

        using (var deleted = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Delete, "/api/sessions/watched")))
        {
            deleted.EnsureSuccessStatusCode();
        }

        var gone = (await socket.ReceiveUntilAsync(m => IsCustom(m, GAgentEventNames.SessionDeleted)))[^1];
        Assert.Equal("watched", gone.GetProperty("value").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_session_scoped_notification_reaches_only_the_sockets_following_that_session()
    {
        await using var host = await GAgentTestHost.StartAsync();
        foreach (var id in new[] { "followed", "other" })
        {
            using var created = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions", $$"""{"id":"{{id}}"}"""));
            created.EnsureSuccessStatusCode();
        }

        await using var follower = await LiveSocket.ConnectAsync(host);
        await using var bystander = await LiveSocket.ConnectAsync(host);
        await follower.SendAsync("""{"type":"subscribe","sessionId":"followed","clientRequestId":"s"}""");
        await follower.ReceiveUntilAsync(m => Type(m) == "ack");
        await bystander.SendAsync("""{"type":"subscribe","sessionId":"other","clientRequestId":"s"}""");
        await bystander.ReceiveUntilAsync(m => Type(m) == "ack");

        var bus = host.Services.GetRequiredService<IGAgentEventBus>();
        bus.Publish(new GAgentNotification { Name = "gagent.test.scoped", SessionId = "followed", Value = JsonDocument.Parse("""{"n":1}""").RootElement, Timestamp = DateTimeOffset.UtcNow });
        bus.Publish(new GAgentNotification { Name = "gagent.test.global", Value = JsonDocument.Parse("""{"n":2}""").RootElement, Timestamp = DateTimeOffset.UtcNow });

        var followerSaw = await follower.ReceiveUntilAsync(m => IsCustom(m, "gagent.test.global"));
        var scoped = Assert.Single(followerSaw, m => IsCustom(m, "gagent.test.scoped"));
        Assert.Equal("followed", scoped.GetProperty("sessionId").GetString());
        Assert.Equal(1, scoped.GetProperty("value").GetProperty("n").GetInt32());

        // Messages on one socket arrive in order: had the scoped one been sent to the bystander, it would come first.
        var bystanderSaw = await bystander.ReceiveUntilAsync(m => IsCustom(m, "gagent.test.global"));
        Assert.DoesNotContain(bystanderSaw, m => IsCustom(m, "gagent.test.scoped"));
    }
}
