using GAgent.Agent;

namespace GAgent.Runtime.Tests.Agent;

public sealed class MessageTextTests
{
    [Fact]
    public void Appended_text_reads_back_whole_and_from_any_point()
    {
        var text = new MessageText();
        Assert.Equal(string.Empty, text.ToString());

        text.Append("Hello");
        text.Append(string.Empty);
        text.Append(", world");

        Assert.Equal(12, text.Length);
        Assert.Equal("Hello, world", text.ToString());
        Assert.Equal(", world", text.ToString(5));
        Assert.Equal(string.Empty, text.ToString(12));
    }

    [Fact]
    public void The_whole_text_is_one_string_until_the_next_append()
    {
        var text = new MessageText();
        text.Append("one");

        var whole = text.ToString();
        Assert.Same(whole, text.ToString());
        Assert.Same(whole, text.ToString(0));

        text.Append(" two");
        Assert.Equal("one two", text.ToString());
        Assert.NotSame(whole, text.ToString());
    }

    [Fact]
    public void A_long_reply_grows_past_the_first_buffer_without_losing_text()
    {
        var text = new MessageText();
        var expected = new System.Text.StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            var token = "t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ";
            text.Append(token);
            expected.Append(token);
        }

        Assert.Equal(expected.ToString(), text.ToString());
        Assert.Equal(expected.ToString(100, expected.Length - 100), text.ToString(100));
    }

    [Fact]
    public void A_completed_message_keeps_its_text_and_refuses_more()
    {
        var text = new MessageText();
        text.Append("done");
        text.Append(" here");

        var whole = text.Complete();

        Assert.Equal("done here", whole);
        Assert.Same(whole, text.ToString());
        Assert.Equal("here", text.ToString(5));
        Assert.Equal(9, text.Length);
        Assert.Throws<InvalidOperationException>(() => text.Append("more"));
    }

    [Fact]
    public void A_message_that_arrives_in_one_piece_is_that_string()
    {
        var piece = new string('x', 800);
        var text = new MessageText();
        text.Append(piece);

        Assert.Equal(800, text.Length);
        Assert.Same(piece, text.ToString());
        Assert.Same(piece, text.ToString(0));
        Assert.Equal(new string('x', 790), text.ToString(10));
        Assert.Same(piece, text.Complete());
        Assert.Throws<InvalidOperationException>(() => text.Append("more"));
    }

    [Fact]
    public void A_second_piece_after_a_kept_first_one_joins_it()
    {
        var text = new MessageText();
        text.Append("first");
        Assert.Equal("first", text.ToString());

        text.Append(string.Empty);
        text.Append(", second");
        text.Append(new string('y', 1_000));

        Assert.Equal("first, second" + new string('y', 1_000), text.ToString());
        Assert.Equal(", second", text.ToString(5)[..8]);
        Assert.Equal("first, second" + new string('y', 1_000), text.Complete());
    }
}
