using GAgent.Agent;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Agent;

public sealed class ModelTurnTests
{
    [Fact]
    public void Usage_reported_once_is_kept_as_reported()
    {
        var turn = new ModelTurn("msg_1");
        var reported = new UsageDetails { InputTokenCount = 3, OutputTokenCount = 4, TotalTokenCount = 7 };

        turn.AddUsage(reported);

        Assert.Same(reported, turn.Usage);
    }

    [Fact]
    public void Usage_reported_twice_is_summed_without_changing_the_providers_objects()
    {
        var turn = new ModelTurn("msg_1");
        var first = new UsageDetails { InputTokenCount = 3, OutputTokenCount = 4, TotalTokenCount = 7 };
        var second = new UsageDetails { InputTokenCount = 1, OutputTokenCount = 2, TotalTokenCount = 3 };
        var third = new UsageDetails { OutputTokenCount = 5, TotalTokenCount = 5 };

        turn.AddUsage(first);
        turn.AddUsage(second);
        turn.AddUsage(third);

        Assert.Equal((4L, 11L, 15L), (turn.Usage!.InputTokenCount, turn.Usage.OutputTokenCount, turn.Usage.TotalTokenCount));
        Assert.Equal((3L, 4L, 7L), (first.InputTokenCount, first.OutputTokenCount, first.TotalTokenCount));
        Assert.Equal((1L, 2L, 3L), (second.InputTokenCount, second.OutputTokenCount, second.TotalTokenCount));
    }

    [Fact]
    public void The_kept_message_takes_the_streamed_text_and_reasoning()
    {
        var turn = new ModelTurn("msg_1");
        turn.Reasoning.Append("think");
        turn.Text.Append("an");
        turn.Text.Append("swer");

        var contents = turn.ToContents();

        Assert.Equal("think", Assert.IsType<TextReasoningContent>(contents[0]).Text);
        Assert.Equal("answer", Assert.IsType<TextContent>(contents[1]).Text);
    }
}
