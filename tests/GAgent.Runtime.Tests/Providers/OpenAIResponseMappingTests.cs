using System.Text.Json;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Providers;

public sealed class OpenAIResponseMappingTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Text_completion_maps_ids_model_time_finish_reason_and_usage()
    {
        _server.EnqueueJson(OpenAIWire.Completion("Hello there!", usage: OpenAIWire.Usage(prompt: 30, completion: 12, cached: 10, reasoning: 4)));
        using var client = OpenAITestClients.Create(_server);

        var response = await client.GetResponseAsync("hi");

        var message = Assert.Single(response.Messages);
        Assert.Equal(ChatRole.Assistant, message.Role);
        Assert.Equal("Hello there!", Assert.IsType<TextContent>(Assert.Single(message.Contents)).Text);
        Assert.Equal(OpenAIWire.CompletionId, response.ResponseId);
        Assert.Equal(OpenAIWire.CompletionId, message.MessageId);
        Assert.Equal(OpenAIWire.Model, response.ModelId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(OpenAIWire.Created), response.CreatedAt);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.NotNull(response.Usage);
        Assert.Equal(30, response.Usage.InputTokenCount);
        Assert.Equal(12, response.Usage.OutputTokenCount);
        Assert.Equal(42, response.Usage.TotalTokenCount);
        Assert.Equal(10, response.Usage.CachedInputTokenCount);
        Assert.Equal(4, response.Usage.ReasoningTokenCount);
        Assert.IsType<OpenAI.Chat.ChatCompletion>(response.RawRepresentation);
    }

    [Fact]
    public async Task Usage_without_details_leaves_cached_and_reasoning_counts_empty()
    {
        _server.EnqueueJson(OpenAIWire.Completion());
        using var client = OpenAITestClients.Create(_server);

        var response = await client.GetResponseAsync("hi");

        Assert.NotNull(response.Usage);
        Assert.Equal(11, response.Usage.InputTokenCount);
        Assert.Null(response.Usage.CachedInputTokenCount);
        Assert.Null(response.Usage.ReasoningTokenCount);
    }

    [Fact]
    public async Task Tool_calls_map_to_function_calls_with_parsed_arguments()
    {
        _server.EnqueueJson(OpenAIWire.Completion(
            content: null,
            finishReason: "tool_calls",
            toolCalls:
            [
                OpenAIWire.ToolCall("call_a", "get_weather", """{"city":"Paris","days":3}"""),
                OpenAIWire.ToolCall("call_b", "get_time", "{}"),
            ]));
        using var client = OpenAITestClients.Create(_server);

        var response = await client.GetResponseAsync("weather and time?");

        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        var calls = response.Messages.Single().Contents.OfType<FunctionCallContent>().ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Equal("call_a", calls[0].CallId);
        Assert.Equal("get_weather", calls[0].Name);
        Assert.Null(calls[0].Exception);
        Assert.Equal("Paris", Assert.IsType<JsonElement>(calls[0].Arguments!["city"]).GetString());
        Assert.Equal(3, Assert.IsType<JsonElement>(calls[0].Arguments!["days"]).GetInt32());
        Assert.Equal("call_b", calls[1].CallId);
        Assert.Empty(calls[1].Arguments!);
        Assert.Empty(response.Messages.Single().Contents.OfType<TextContent>());
    }

    [Fact]
    public async Task Malformed_tool_arguments_keep_the_call_with_its_exception()
    {
        _server.EnqueueJson(OpenAIWire.Completion(
            content: null,
            finishReason: "tool_calls",
            toolCalls: [OpenAIWire.ToolCall("call_bad", "get_weather", """{"city": "Par""")]));
        using var client = OpenAITestClients.Create(_server);

        var response = await client.GetResponseAsync("weather?");

        var call = Assert.Single(response.Messages.Single().Contents.OfType<FunctionCallContent>());
        Assert.Equal("call_bad", call.CallId);
        Assert.Equal("get_weather", call.Name);
        Assert.NotNull(call.Exception);
    }

    [Theory]
    [InlineData("stop", "stop")]
    [InlineData("length", "length")]
    [InlineData("tool_calls", "tool_calls")]
    [InlineData("content_filter", "content_filter")]
    [InlineData("function_call", "tool_calls")]
    public async Task Finish_reasons_are_mapped(string wire, string expected)
    {
        _server.EnqueueJson(OpenAIWire.Completion("x", finishReason: wire));
        using var client = OpenAITestClients.Create(_server);

        var response = await client.GetResponseAsync("hi");

        Assert.Equal(new ChatFinishReason(expected), response.FinishReason);
    }

    [Fact]
    public async Task Reasoning_from_compatible_servers_is_returned_before_the_text()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(OpenAIWire.Completion("42"))!;
        body["choices"]![0]!["message"]!["reasoning_content"] = "Six times seven.";
        _server.EnqueueJson(body.ToJsonString());
        using var client = OpenAITestClients.Create(_server);

        var response = await client.GetResponseAsync("answer?");

        var contents = response.Messages.Single().Contents;
        Assert.Equal("Six times seven.", Assert.IsType<TextReasoningContent>(contents[0]).Text);
        Assert.Equal("42", Assert.IsType<TextContent>(contents[1]).Text);
        Assert.Equal("42", response.Text);
    }

    [Fact]
    public async Task A_refusal_is_returned_as_text()
    {
        _server.EnqueueJson(OpenAIWire.Completion(content: null, refusal: "I can't help with that."));
        using var client = OpenAITestClients.Create(_server);

        var response = await client.GetResponseAsync("something bad");

        Assert.Equal("I can't help with that.", response.Text);
    }
}
