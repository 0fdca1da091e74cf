using System.Collections.Concurrent;
using GAgent.Channels;
using GAgent.Events;
using GAgent.Media;
using GAgent.Runtime.Tests.Agent;
using GAgent.Runtime.Tests.Media;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Channels;

public sealed class ChannelDeliveryTests
{
    private static InboundMessage Inbound(string text, params string[] media) => new()
    {
        ChannelName = "fake",
        SenderId = "alice",
        ConversationId = "chat/7",
        Text = text,
        MediaRefs = media,
        ClientMessageId = "in-1",
    };

    private static FakeChannel EditingChannel(int maxTextLength = 4000)
    {
        var sent = 0;
        return new FakeChannel
        {
            Capabilities = new() { SupportsStreamingEdits = true, MaxTextLength = maxTextLength },
            Respond = m => DeliveryResult.Success(m.EditOf ?? "out-" + Interlocked.Increment(ref sent)),
        };
    }

    [Fact]
    public async Task A_channel_with_streaming_edits_sees_one_message_grow_and_then_finish()
    {
        var channel = EditingChannel();
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel), o => o.Channels["fake"] = new ChannelOptions { EditInterval = TimeSpan.Zero });
        runtime.Client.Enqueue(Updates.Answer("The ", "answer ", "is ", "42."));
        await runtime.StartAsync(channel);

        await channel.Context!.DispatchAsync(Inbound("question"), CancellationToken.None);
        await channel.FinalSent.WaitAsync(TestRuntime.Timeout);

        var sent = channel.Sent.ToList();
        Assert.True(sent.Count >= 2, $"expected a progress message and a final edit, got {sent.Count} sends");
        Assert.Null(sent[0].EditOf);
        Assert.False(sent[0].IsFinal);
        Assert.All(sent.Skip(1), m => Assert.Equal("out-1", m.EditOf));
        Assert.All(sent[..^1], m => Assert.False(m.IsFinal));
        Assert.Equal("The answer is 42.", sent[^1].Text);
        Assert.True(sent[^1].IsFinal);
        Assert.All(sent, m => Assert.StartsWith(m.Text, "The answer is 42.", StringComparison.Ordinal));
        Assert.All(sent, m => Assert.Equal("in-1", m.ReplyTo));
    }

    [Fact]
    public async Task A_long_streamed_reply_keeps_the_progress_message_within_the_limit_and_sends_the_rest_as_new_parts()
    {
        var channel = EditingChannel(maxTextLength: 500);
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel), o => o.Channels["fake"] = new ChannelOptions { EditInterval = TimeSpan.Zero });
        var paragraphs = Enumerable.Range(1, 12).Select(i => $"Paragraph {i}: " + new string('x', 80) + "\n\n").ToArray();
        runtime.Client.Enqueue(Updates.Answer(paragraphs));
        await runtime.StartAsync(channel);

        await channel.Context!.DispatchAsync(Inbound("write a lot"), CancellationToken.None);
        await channel.FinalSent.WaitAsync(TestRuntime.Timeout);

        var sent = channel.Sent.ToList();
        Assert.All(sent, m => Assert.True(m.Text.Length <= 500, $"a message of {m.Text.Length} characters exceeds the limit"));
        var final = sent.SkipWhile(m => !(m.PartCount > 1 && m.PartIndex == 1)).ToList();
        Assert.Equal("out-1", final[0].EditOf);
        Assert.All(final.Skip(1), m => Assert.Null(m.EditOf));
        Assert.Equal(final[0].PartCount, final.Count);
        Assert.Equal(string.Concat(paragraphs).Trim(), string.Join("\n\n", final.Select(m => m.Text.Trim())));
        Assert.True(final[^1].IsFinal);
    }

    [Fact]
    public async Task A_channel_that_returns_no_message_id_gets_only_the_final_reply_once_without_edits()
    {
        var channel = new FakeChannel { Capabilities = new() { SupportsStreamingEdits = true, MaxTextLength = 4000 } };
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel), o => o.Channels["fake"] = new ChannelOptions { EditInterval = TimeSpan.Zero });
        runtime.Client.Enqueue(Updates.Answer("one ", "two ", "three"));
        await runtime.StartAsync(channel);

        await channel.Context!.DispatchAsync(Inbound("count"), CancellationToken.None);
        await channel.FinalSent.WaitAsync(TestRuntime.Timeout);

        Assert.All(channel.Sent, m => Assert.Null(m.EditOf));
        Assert.Equal("one two three", channel.Sent.Last().Text);
        Assert.Equal(2, channel.Sent.Count);
    }

    [Fact]
    public async Task Inbound_media_saved_by_the_channel_reaches_the_model()
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel).UseInMemoryMediaStore());
        runtime.Client.Enqueue(Updates.Answer("A picture."));
        await runtime.StartAsync(channel);
        var media = runtime.Services.GetRequiredService<IMediaStore>();
        var saved = await media.SaveAsync(new MemoryStream(MediaSamples.Png), "photo.png", 1 << 20);

        var result = await channel.Context!.DispatchAsync(Inbound("what is this?", saved.Id), CancellationToken.None);
        Assert.True(result.Accepted);
        await channel.FinalSent.WaitAsync(TestRuntime.Timeout);

        var user = runtime.Client.Calls.Single().Messages.Last(m => m.Role == ChatRole.User);
        Assert.Equal(MediaSamples.Png, Assert.Single(user.Contents.OfType<DataContent>()).Data.ToArray());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Inbound_media_that_is_not_a_stored_media_id_is_refused_before_anything_is_stored(string reference)
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel).UseInMemoryMediaStore());
        await runtime.StartAsync(channel);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => channel.Context!.DispatchAsync(Inbound("look", reference), CancellationToken.None));
        Assert.Contains("IMediaStore.SaveAsync", error.Message, StringComparison.Ordinal);
        Assert.Null(await runtime.Store.GetAsync(ChannelSessionIds.For("fake", "chat/7")));
    }

    [Fact]
    public async Task Inbound_media_beyond_sixteen_references_is_refused_before_anything_is_stored()
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel).UseInMemoryMediaStore());
        await runtime.StartAsync(channel);
        var media = runtime.Services.GetRequiredService<IMediaStore>();
        var saved = await media.SaveAsync(new MemoryStream(MediaSamples.Png), "photo.png", 1 << 20);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => channel.Context!.DispatchAsync(Inbound("look", [.. Enumerable.Repeat(saved.Id, 17)]), CancellationToken.None));
        Assert.Contains("17 media references; at most 16", error.Message, StringComparison.Ordinal);
        Assert.Null(await runtime.Store.GetAsync(ChannelSessionIds.For("fake", "chat/7")));
    }

    [Fact]
    public async Task Channel_state_changes_are_announced_but_activity_alone_is_not()
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel));
        var seen = new ConcurrentQueue<GAgentNotification>();
        using var subscription = runtime.Services.GetRequiredService<IGAgentEventBus>().Subscribe(seen.Enqueue);
        runtime.Client.Enqueue(Updates.Answer("hi"));
        await runtime.StartAsync(channel);

        var states = seen.Where(n => n.Name == GAgentEventNames.ChannelStatus).Select(n => n.Value.GetProperty("status").GetProperty("state").GetString()).ToList();
        Assert.Equal(["Starting", "Running"], states);
        Assert.All(seen, n => Assert.Equal("fake", n.Value.GetProperty("name").GetString()));

        await channel.Context!.DispatchAsync(Inbound("hello"), CancellationToken.None);
        await channel.FinalSent.WaitAsync(TestRuntime.Timeout);
        Assert.Equal(2, seen.Count(n => n.Name == GAgentEventNames.ChannelStatus));
    }
}
