using GAgent.Agent;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Agent;

public sealed class HistorySanitizerTests
{
    [Fact]
    public void Keeps_answered_calls_and_their_results()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "hi"),
            new(ChatRole.Assistant, [new TextContent("checking"), new FunctionCallContent("c1", "t")]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "ok")]),
            new(ChatRole.Assistant, "done"),
        ];

        var sanitized = HistorySanitizer.Sanitize(messages);

        Assert.Equal(messages, sanitized);
    }

    [Fact]
    public void Drops_unanswered_calls_and_keeps_the_rest_of_their_message()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "weather?"),
            new(ChatRole.Assistant, [new TextContent("asking the client"), new FunctionCallContent("c1", "client_tool")]),
            new(ChatRole.User, "never mind, tell me a joke"),
        ];

        var sanitized = HistorySanitizer.Sanitize(messages);

        Assert.Equal(3, sanitized.Count);
        var assistant = Assert.Single(sanitized[1].Contents);
        Assert.Equal("asking the client", Assert.IsType<TextContent>(assistant).Text);
        Assert.Equal(2, messages[1].Contents.Count);
    }

    [Fact]
    public void Drops_results_whose_call_is_missing_or_comes_later_and_messages_left_empty()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.Tool, [new FunctionResultContent("cut-off", "old result")]),
            new(ChatRole.User, "next"),
            new(ChatRole.Assistant, [new FunctionCallContent("only-call", "t")]),
        ];

        var sanitized = HistorySanitizer.Sanitize(messages);

        var user = Assert.Single(sanitized);
        Assert.Equal(ChatRole.User, user.Role);
    }

    [Fact]
    public void A_call_answered_twice_keeps_one_call()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "t")]),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "t")]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "ok")]),
        ];

        var sanitized = HistorySanitizer.Sanitize(messages);

        Assert.Equal(2, sanitized.Count);
        Assert.IsType<FunctionCallContent>(Assert.Single(sanitized[0].Contents));
        Assert.Equal(ChatRole.Tool, sanitized[1].Role);
    }
}
