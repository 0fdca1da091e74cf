using System.Collections.Concurrent;
using GAgent.Events;
using GAgent.Runtime.Tests.Agent;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Events;

public sealed class SessionNotificationTests
{
    [Fact]
    public async Task Creating_renaming_and_deleting_a_session_through_any_store_is_announced_with_the_session()
    {
        await using var runtime = new TestRuntime();
        var seen = new ConcurrentQueue<GAgentNotification>();
        using var subscription = runtime.Services.GetRequiredService<IGAgentEventBus>().Subscribe(seen.Enqueue);

        await runtime.Store.CreateAsync(new NewSession { Id = "announced", Title = "First" });
        await runtime.Store.UpdateAsync("announced", new SessionPatch { Title = "Renamed", Pinned = true });
        Assert.True(await runtime.Store.DeleteAsync("announced"));
        Assert.False(await runtime.Store.DeleteAsync("announced"));

        Assert.Equal([GAgentEventNames.SessionCreated, GAgentEventNames.SessionUpdated, GAgentEventNames.SessionDeleted], seen.Select(static n => n.Name));
        var created = seen.ElementAt(0).Value;
        Assert.Equal("announced", created.GetProperty("id").GetString());
        Assert.Equal("First", created.GetProperty("title").GetString());
        var updated = seen.ElementAt(1).Value;
        Assert.Equal("Renamed", updated.GetProperty("title").GetString());
        Assert.True(updated.GetProperty("pinned").GetBoolean());
        Assert.Equal("announced", seen.ElementAt(2).Value.GetProperty("id").GetString());
        Assert.All(seen, static n => Assert.Null(n.SessionId));
    }

    [Fact]
    public async Task A_turn_is_announced_once_when_it_is_flushed_with_the_new_message_count_and_title()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(Updates.Text("Hi there."), Updates.Finish(ChatFinishReason.Stop));
        var sessionId = await runtime.CreateSessionAsync();
        var seen = new ConcurrentQueue<GAgentNotification>();
        using var subscription = runtime.Services.GetRequiredService<IGAgentEventBus>().Subscribe(seen.Enqueue);

        await runtime.RunAsync("Hello agent", sessionId);

        var updates = seen.Where(static n => n.Name == GAgentEventNames.SessionUpdated).ToList();
        // One for the title taken from the first message, one for the flushed turn.
        Assert.Equal(2, updates.Count);
        Assert.Equal("Hello agent", updates[0].Value.GetProperty("title").GetString());
        Assert.Equal(2, updates[^1].Value.GetProperty("messageCount").GetInt64());
    }
}
