using GAgent.Channels;
using GAgent.Runtime.Tests.Agent;
using GAgent.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Channels;

public sealed class ChannelDispatchTests
{
    private static InboundMessage Inbound(string text, string sender = "alice", string conversation = "chat/42") => new()
    {
        ChannelName = "fake",
        SenderId = sender,
        SenderDisplayName = "Alice",
        ConversationId = conversation,
        Text = text,
        ReceivedAt = DateTimeOffset.UtcNow,
        ClientMessageId = "m-1",
    };

    [Fact]
    public async Task An_inbound_message_runs_the_agent_and_the_reply_is_sent_back()
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel));
        runtime.Client.Enqueue(Updates.Answer("Hello ", "Alice!"));
        await runtime.StartAsync(channel);

        var result = await channel.Context!.DispatchAsync(Inbound("hi"), CancellationToken.None);
        Assert.True(result.Accepted);
        Assert.Equal(ChannelSessionIds.For("fake", "chat/42"), result.SessionId);
        Assert.True(SessionIds.IsValid(result.SessionId));
        Assert.NotNull(result.RunId);

        await channel.FinalSent.WaitAsync(TestRuntime.Timeout);
        var sent = Assert.Single(channel.Sent);
        Assert.Equal("Hello Alice!", sent.Text);
        Assert.Equal("chat/42", sent.ConversationId);
        Assert.Equal("m-1", sent.ReplyTo);
        Assert.Equal(result.RunId, sent.RunId);
        Assert.True(sent.IsFinal);

        var session = await runtime.Store.GetAsync(result.SessionId!);
        Assert.Equal("fake: Alice", session!.Title);
        Assert.NotNull(runtime.Manager.GetStatus("fake").LastActivity);
    }

    [Fact]
    public async Task The_same_conversation_reuses_its_session()
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel));
        runtime.Client.Enqueue(Updates.Answer("one"));
        runtime.Client.Enqueue(Updates.Answer("two"));
        await runtime.StartAsync(channel);

        var first = await channel.Context!.DispatchAsync(Inbound("first"), CancellationToken.None);
        await channel.FinalSent.WaitAsync(TestRuntime.Timeout);
        await ChannelTestRuntime.WaitForAsync(() => runtime.Services.GetService(typeof(GAgent.Runs.IAgentRunner)) is GAgent.Runs.IAgentRunner r && r.GetActiveRun(first.SessionId!) is null);
        var second = await channel.Context.DispatchAsync(Inbound("second"), CancellationToken.None);
        Assert.Equal(first.SessionId, second.SessionId);
        await ChannelTestRuntime.WaitForAsync(() => channel.Sent.Count == 2);

        var page = await runtime.Store.ReadMessagesAsync(first.SessionId!, new MessageQuery());
        Assert.Equal(4, page.TotalCount);
    }

    [Fact]
    public async Task A_long_reply_is_split_to_the_channel_limit()
    {
        var channel = new FakeChannel { Capabilities = new ChannelCapabilities { MaxTextLength = 50 } };
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel));
        var reply = string.Join(' ', Enumerable.Repeat("lorem ipsum", 20));
        runtime.Client.Enqueue(Updates.Answer(reply));
        await runtime.StartAsync(channel);

        await channel.Context!.DispatchAsync(Inbound("long please"), CancellationToken.None);
        await channel.FinalSent.WaitAsync(TestRuntime.Timeout);

        var parts = channel.Sent.ToArray();
        Assert.True(parts.Length > 1);
        Assert.All(parts, p => Assert.True(p.Text.Length <= 50));
        Assert.Equal(Enumerable.Range(1, parts.Length), parts.Select(p => p.PartIndex));
        Assert.All(parts, p => Assert.Equal(parts.Length, p.PartCount));
        Assert.Equal([.. Enumerable.Repeat(false, parts.Length - 1), true], parts.Select(p => p.IsFinal));
        Assert.Equal(reply, string.Join(' ', parts.Select(p => p.Text)));
    }

    [Fact]
    public async Task A_sender_outside_allow_from_is_refused_and_nothing_is_stored()
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(
            b => b.AddChannel(_ => channel),
            o =>
            {
                var options = new ChannelOptions();
                options.AllowFrom.Add("bob");
                o.Channels["fake"] = options;
            });
        await runtime.StartAsync(channel);

        var result = await channel.Context!.DispatchAsync(Inbound("let me in", sender: "mallory"), CancellationToken.None);
        Assert.False(result.Accepted);
        Assert.Equal(DispatchRefusal.SenderNotAllowed, result.Refusal);
        Assert.Null(result.RunId);
        Assert.Empty((await runtime.Store.ListAsync(new SessionQuery())).Items);
        Assert.Empty(runtime.Client.Calls);
        Assert.Empty(channel.Sent);
    }

    [Fact]
    public async Task An_allowed_sender_gets_through()
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(
            b => b.AddChannel(_ => channel),
            o =>
            {
                var options = new ChannelOptions();
                options.AllowFrom.Add("alice");
                o.Channels["FAKE"] = options;
            });
        runtime.Client.Enqueue(Updates.Answer("welcome"));
        await runtime.StartAsync(channel);

        var result = await channel.Context!.DispatchAsync(Inbound("hi"), CancellationToken.None);
        Assert.True(result.Accepted);
        await channel.FinalSent.WaitAsync(TestRuntime.Timeout);
    }

    [Fact]
    public async Task A_message_naming_another_channel_is_rejected()
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel));
        await runtime.StartAsync(channel);
        await Assert.ThrowsAsync<ArgumentException>(() => channel.Context!.DispatchAsync(Inbound("hi") with { ChannelName = "other" }, CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_delivery_stops_the_remaining_parts()
    {
        var channel = new FakeChannel
        {
            Capabilities = new ChannelCapabilities { MaxTextLength = 40 },
            Respond = _ => DeliveryResult.Failure(DeliveryErrorCode.Permanent, "chat deleted"),
        };
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel));
        runtime.Client.Enqueue(Updates.Answer(string.Join(' ', Enumerable.Repeat("word", 40))));
        await runtime.StartAsync(channel);

        var result = await channel.Context!.DispatchAsync(Inbound("hi"), CancellationToken.None);
        var runner = runtime.Services.GetRequiredService<GAgent.Runs.IAgentRunner>();
        await runner.GetRun(result.RunId!)!.EndAsync();
        await ChannelTestRuntime.WaitForAsync(() => !channel.Sent.IsEmpty);
        await Task.Delay(100);
        var sent = Assert.Single(channel.Sent);
        Assert.Equal(1, sent.PartIndex);
        Assert.True(sent.PartCount > 1);
    }

    [Fact]
    public async Task A_failed_run_tells_the_sender()
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel));
        runtime.Client.EnqueueFailure(new InvalidOperationException("model exploded"));
        await runtime.StartAsync(channel);

        await channel.Context!.DispatchAsync(Inbound("hi"), CancellationToken.None);
        await channel.FinalSent.WaitAsync(TestRuntime.Timeout);
        Assert.StartsWith("Sorry, the agent could not answer", Assert.Single(channel.Sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_message_while_the_agent_answers_is_refused_as_busy()
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel));
        var gate = new TaskCompletionSource();
        var reached = runtime.Client.EnqueueGated([Updates.Text("first ")], gate.Task, [Updates.Text("done")]);
        await runtime.StartAsync(channel);

        var first = await channel.Context!.DispatchAsync(Inbound("one"), CancellationToken.None);
        await reached.WaitAsync(TestRuntime.Timeout);
        var second = await channel.Context.DispatchAsync(Inbound("two"), CancellationToken.None);
        Assert.Equal(DispatchRefusal.SessionBusy, second.Refusal);
        Assert.Equal(first.SessionId, second.SessionId);

        gate.SetResult();
        await channel.FinalSent.WaitAsync(TestRuntime.Timeout);
        Assert.Equal("first done", Assert.Single(channel.Sent).Text);
    }

    [Fact]
    public void Session_ids_are_deterministic_valid_and_distinct()
    {
        var a = ChannelSessionIds.For("telegram", "../../etc/passwd");
        Assert.True(SessionIds.IsValid(a));
        Assert.Equal(a, ChannelSessionIds.For("telegram", "../../etc/passwd"));
        Assert.NotEqual(a, ChannelSessionIds.For("telegram", "../../etc/passwd2"));
        Assert.NotEqual(a, ChannelSessionIds.For("slack", "../../etc/passwd"));
        Assert.True(SessionIds.IsValid(ChannelSessionIds.For(new string('n', 32), new string('c', 5000))));
    }
}
