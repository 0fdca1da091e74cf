using GAgent.Approvals;
using GAgent.Channels;
using GAgent.Runtime.Tests.Agent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Channels;

public sealed class ChannelApprovalTests
{
    [Fact]
    public async Task A_channel_user_is_told_about_a_pending_approval_and_gets_the_answer_once_it_is_approved()
    {
        var channel = new FakeChannel();
        var ran = 0;
        await using var runtime = new ChannelTestRuntime(b => b
            .AddChannel(_ => channel)
            .UseInMemoryApprovalStore()
            .UseInMemoryProfileStore()
            .UseInMemoryMemoryStore()
            .UseInMemorySkillStore()
            .AddTool(new ApprovalRequiredAIFunction(AIFunctionFactory.Create(() => { Interlocked.Increment(ref ran); return "door opened"; }, "open_door", "Opens the door."))),
            o => o.Memory.Tools = false);
        runtime.Client.Enqueue(Updates.CallTool("call_door", "open_door")).Enqueue(Updates.Answer("The door is open."));
        await runtime.StartAsync(channel);

        var dispatched = await channel.Context!.DispatchAsync(new InboundMessage { ChannelName = "fake", SenderId = "alice", ConversationId = "front", Text = "Open the door." }, CancellationToken.None);
        await ChannelTestRuntime.WaitForAsync(() => channel.Sent.Count == 1);
        var notice = Assert.Single(channel.Sent);
        Assert.Contains("Waiting for the owner to approve a tool call", notice.Text, StringComparison.Ordinal);
        Assert.Equal(0, ran);

        var approvals = runtime.Services.GetRequiredService<IApprovalStore>();
        var pending = Assert.Single((await approvals.ListAsync(new ApprovalQuery { SessionId = dispatched.SessionId })).Items);
        await runtime.Services.GetRequiredService<ApprovalService>().DecideAsync(pending.Id, approve: true, ApprovalScope.Once, null, CancellationToken.None);

        await ChannelTestRuntime.WaitForAsync(() => channel.Sent.Count == 2);
        var answer = channel.Sent.Last();
        Assert.Equal("The door is open.", answer.Text);
        Assert.Equal("front", answer.ConversationId);
        Assert.Equal(1, ran);
    }
}
