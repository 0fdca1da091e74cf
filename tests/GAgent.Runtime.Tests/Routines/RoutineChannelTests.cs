using GAgent.Channels;
using GAgent.Routines;
using GAgent.Runtime.Tests.Agent;
using GAgent.Runtime.Tests.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Routines;

public sealed class RoutineChannelTests
{
    [Fact]
    public async Task A_channel_target_delivers_the_answer_through_the_channel()
    {
        var channel = new FakeChannel("chat");
        await using var runtime = new RoutineTestRuntime(build: b => b.AddChannel(_ => channel));
        var manager = runtime.Services.GetRequiredService<ChannelManager>();
        await manager.StartAsync(CancellationToken.None);
        try
        {
            await channel.Running.WaitAsync(TestRuntime.Timeout);
            await ChannelTestRuntime.WaitForAsync(() => manager.GetStatus("chat").State == ChannelState.Running);

            // The channel name is matched case-insensitively and stored as registered.
            var routine = await runtime.CreateRoutineAsync("digest", RoutineSchedule.FromCron("0 9 * * *"), target: RoutineTarget.Channel("CHAT", "room-7"));
            Assert.Equal("chat", routine.Definition.Target.ChannelName);
            await runtime.StartSchedulerAsync();
            await runtime.AdvanceAsync(TimeSpan.FromMinutes(30));

            await channel.FinalSent.WaitAsync(TestRuntime.Timeout);
            var sent = Assert.Single(channel.Sent);
            Assert.Equal("room-7", sent.ConversationId);
            Assert.Equal("Routine answer.", sent.Text);
            var finished = await runtime.WaitForFinishedRunAsync("digest");
            Assert.Equal(RoutineRunStatus.Completed, finished.LastRun!.Status);
            Assert.Equal(sent.RunId, finished.LastRun.RunId);

            // The run went to the conversation's own session, the one inbound messages from room-7 use.
            var sessionId = ChannelSessionIds.For("chat", "room-7");
            Assert.Equal(sessionId, finished.LastRun.SessionId);
            Assert.Equal("routine-digest", (await runtime.MessagesAsync(sessionId))[0].AuthorName);
        }
        finally
        {
            await manager.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_channel_that_is_not_running_fails_the_run()
    {
        var channel = new FakeChannel("chat");
        await using var runtime = new RoutineTestRuntime(build: b => b.AddChannel(_ => channel));
        await runtime.CreateRoutineAsync("digest", RoutineSchedule.FromCron("0 9 * * *"), target: RoutineTarget.Channel("chat", "room-7"));
        await runtime.Manager.RunNowAsync("digest", CancellationToken.None);
        var finished = await runtime.WaitForFinishedRunAsync("digest");
        Assert.Equal(RoutineRunStatus.Failed, finished.LastRun!.Status);
        Assert.Contains("not running", finished.LastRun.Error, StringComparison.Ordinal);
        Assert.Empty(channel.Sent);
    }
}
