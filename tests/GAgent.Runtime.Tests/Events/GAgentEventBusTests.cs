using GAgent.Events;

namespace GAgent.Runtime.Tests.Events;

public sealed class GAgentEventBusTests
{
    private static GAgentNotification Notification(string name) => new() { Name = name, Timestamp = DateTimeOffset.UnixEpoch };

    [Fact]
    public void Every_subscriber_gets_every_notification_in_order()
    {
        var bus = new GAgentEventBus();
        var first = new List<string>();
        var second = new List<string>();
        using var a = bus.Subscribe(n => first.Add(n.Name));
        using var b = bus.Subscribe(n => second.Add(n.Name));

        bus.Publish(Notification("gagent.one"));
        bus.Publish(Notification("gagent.two"));

        Assert.Equal(["gagent.one", "gagent.two"], first);
        Assert.Equal(["gagent.one", "gagent.two"], second);
    }

    [Fact]
    public void A_disposed_subscription_receives_nothing_more_and_disposing_twice_removes_only_itself()
    {
        var bus = new GAgentEventBus();
        var kept = new List<string>();
        var dropped = new List<string>();
        using var keep = bus.Subscribe(n => kept.Add(n.Name));
        var drop = bus.Subscribe(n => dropped.Add(n.Name));

        bus.Publish(Notification("gagent.before"));
        drop.Dispose();
        drop.Dispose();
        bus.Publish(Notification("gagent.after"));

        Assert.Equal(["gagent.before"], dropped);
        Assert.Equal(["gagent.before", "gagent.after"], kept);
    }

    [Fact]
    public void A_failing_subscriber_neither_fails_the_publisher_nor_starves_the_others()
    {
        var bus = new GAgentEventBus();
        var received = new List<string>();
        using var failing = bus.Subscribe(_ => throw new InvalidOperationException("subscriber bug"));
        using var healthy = bus.Subscribe(n => received.Add(n.Name));

        bus.Publish(Notification("gagent.x"));

        Assert.Equal(["gagent.x"], received);
    }

    [Fact]
    public void A_subscriber_may_unsubscribe_while_a_notification_is_delivered()
    {
        var bus = new GAgentEventBus();
        var calls = 0;
        IDisposable? self = null;
        self = bus.Subscribe(_ =>
        {
            calls++;
            self!.Dispose();
        });

        bus.Publish(Notification("gagent.a"));
        bus.Publish(Notification("gagent.b"));

        Assert.Equal(1, calls);
    }
}
