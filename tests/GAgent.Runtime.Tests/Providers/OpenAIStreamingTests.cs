using System.Text.Json;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Providers;

public sealed class OpenAIStreamingTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Text_deltas_stream_in_order_then_finish_reason_and_usage()
    {
        _server.EnqueueStream(
            OpenAIWire.RoleChunk(),
            OpenAIWire.TextChunk("Hel"),
            OpenAIWire.TextChunk("lo"),
            OpenAIWire.TextChunk(" world"),
            OpenAIWire.FinishChunk("stop"),
            OpenAIWire.UsageChunk(prompt: 20, completion: 5));
        using var client = OpenAITestClients.Create(_server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("hi"));

        var textUpdates = updates.Where(u => u.Contents.OfType<TextContent>().Any()).ToArray();
        Assert.Equal(["Hel", "lo", " world"], textUpdates.Select(u => u.Text));
        Assert.All(updates, update =>
        {
            Assert.Equal(ChatRole.Assistant, update.Role);
            Assert.Equal(OpenAIWire.CompletionId, update.ResponseId);
            Assert.Equal(OpenAIWire.CompletionId, update.MessageId);
            Assert.Equal(OpenAIWire.Model, update.ModelId);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(OpenAIWire.Created), update.CreatedAt);
        });

        var finishIndex = updates.FindIndex(u => u.FinishReason is not null);
        Assert.True(finishIndex > updates.IndexOf(textUpdates[^1]));
        Assert.Equal(ChatFinishReason.Stop, updates[finishIndex].FinishReason);

        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(20, usage.Details.InputTokenCount);
        Assert.Equal(5, usage.Details.OutputTokenCount);
        Assert.Equal(25, usage.Details.TotalTokenCount);

        var response = updates.ToChatResponse();
        Assert.Equal("Hello world", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(25, response.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task Parallel_tool_calls_are_reassembled_from_interleaved_fragments()
    {
        _server.EnqueueStream(
            OpenAIWire.RoleChunk(),
            OpenAIWire.ToolCallChunk(0, "call_a", "get_weather", ""),
            OpenAIWire.ToolCallChunk(0, null, null, """{"ci"""),
            OpenAIWire.ToolCallChunk(1, "call_b", "get_time", ""),
            OpenAIWire.ToolCallChunk(0, null, null, """ty":"Pa"""),
            OpenAIWire.ToolCallChunk(1, null, null, """{"tz":"""),
            OpenAIWire.ToolCallChunk(0, null, null, """ris"}"""),
            OpenAIWire.ToolCallChunk(1, null, null, """ "CET"}"""),
            OpenAIWire.FinishChunk("tool_calls"),
            OpenAIWire.UsageChunk());
        using var client = OpenAITestClients.Create(_server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("weather and time?"));

        var withCalls = Assert.Single(updates, u => u.Contents.OfType<FunctionCallContent>().Any());
        Assert.Equal(ChatFinishReason.ToolCalls, withCalls.FinishReason);
        var calls = withCalls.Contents.OfType<FunctionCallContent>().ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Equal(("call_a", "get_weather"), (calls[0].CallId, calls[0].Name));
        Assert.Equal("Paris", Assert.IsType<JsonElement>(calls[0].Arguments!["city"]).GetString());
        Assert.Equal(("call_b", "get_time"), (calls[1].CallId, calls[1].Name));
        Assert.Equal("CET", Assert.IsType<JsonElement>(calls[1].Arguments!["tz"]).GetString());
        Assert.All(calls, call => Assert.Null(call.Exception));
        Assert.Empty(updates.SelectMany(u => u.Contents).OfType<TextContent>());
        Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
    }

    [Fact]
    public async Task Tool_calls_are_emitted_when_the_stream_ends_without_a_finish_reason()
    {
        _server.EnqueueStream(
            OpenAIWire.ToolCallChunk(0, "call_x", "ping", """{"n":"""),
            OpenAIWire.ToolCallChunk(0, null, null, "1}"));
        using var client = OpenAITestClients.Create(_server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("ping"));

        var call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal("call_x", call.CallId);
        Assert.Equal(1, Assert.IsType<JsonElement>(call.Arguments!["n"]).GetInt32());
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^1].FinishReason);
    }

    [Fact]
    public async Task Malformed_streamed_arguments_keep_the_call_with_its_exception()
    {
        _server.EnqueueStream(
            OpenAIWire.ToolCallChunk(0, "call_bad", "ping", """{"n": tru"""),
            OpenAIWire.FinishChunk("tool_calls"));
        using var client = OpenAITestClients.Create(_server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("ping"));

        var call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal("call_bad", call.CallId);
        Assert.NotNull(call.Exception);
    }

    [Fact]
    public async Task Text_before_tool_calls_is_streamed_first()
    {
        _server.EnqueueStream(
            OpenAIWire.TextChunk("Checking."),
            OpenAIWire.ToolCallChunk(0, "call_1", "ping", "{}"),
            OpenAIWire.FinishChunk("tool_calls"));
        using var client = OpenAITestClients.Create(_server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("ping"));

        Assert.Equal("Checking.", updates[0].Text);
        Assert.IsType<FunctionCallContent>(Assert.Single(updates[^1].Contents));
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^1].FinishReason);
    }

    [Theory]
    [InlineData("reasoning_content")]
    [InlineData("reasoning")]
    public async Task Reasoning_deltas_from_compatible_servers_stream_as_reasoning_content(string field)
    {
        _server.EnqueueStream(
            OpenAIWire.Chunk(new Dictionary<string, string> { [field] = "Let me " }),
            OpenAIWire.Chunk(new Dictionary<string, string> { [field] = "think." }),
            OpenAIWire.TextChunk("Answer."),
            OpenAIWire.FinishChunk("stop"));
        using var client = OpenAITestClients.Create(_server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("why?"));

        var reasoning = updates.SelectMany(u => u.Contents).OfType<TextReasoningContent>().Select(r => r.Text);
        Assert.Equal(["Let me ", "think."], reasoning);
        Assert.Equal("Answer.", string.Concat(updates.Select(u => u.Text)));
    }

    private static async Task<List<ChatResponseUpdate>> CollectAsync(IAsyncEnumerable<ChatResponseUpdate> stream)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in stream)
        {
            updates.Add(update);
        }

        return updates;
    }
}
