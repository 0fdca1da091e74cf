using GAgent.Demo;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Demo;

public sealed class OfflineDemoChatClientTests
{
    private static readonly AIFunction CurrentTime = AIFunctionFactory.Create(() => "now", "current_time", "Time.");
    private static readonly AIFunction Calculate = AIFunctionFactory.Create((string expression) => expression, "calculate", "Math.");

    [Fact]
    public async Task Plain_prompt_gets_a_deterministic_clearly_labelled_answer()
    {
        using var client = NewClient();

        var first = await StreamAsync(client, [new ChatMessage(ChatRole.User, "Hello there")]);
        var second = await StreamAsync(client, [new ChatMessage(ChatRole.User, "Hello there")]);

        var text = Text(first);
        Assert.Contains("offline demo model", text, StringComparison.Ordinal);
        Assert.Contains("You wrote: \"Hello there\"", text, StringComparison.Ordinal);
        Assert.Equal(text, Text(second));
        Assert.Empty(Calls(first));
        Assert.Equal(ChatFinishReason.Stop, FinishReason(first));
        Assert.All(first, u => Assert.Equal("gagent-demo", u.ModelId));
    }

    [Fact]
    public async Task Streamed_words_concatenate_exactly_to_the_text()
    {
        using var client = NewClient();
        var messages = new[] { new ChatMessage(ChatRole.User, "Tell me  something, please.") };

        var updates = await StreamAsync(client, messages);
        var response = await client.GetResponseAsync(messages);

        var pieces = updates.SelectMany(static u => u.Contents.OfType<TextContent>()).Select(static t => t.Text).ToList();
        Assert.True(pieces.Count > 10, "The answer must stream word by word.");
        Assert.All(pieces, p => Assert.DoesNotContain(' ', p.TrimEnd(' ')));
        Assert.Equal(response.Text, string.Concat(pieces));
    }

    [Fact]
    public async Task Usage_is_reported()
    {
        using var client = NewClient();

        var updates = await StreamAsync(client, [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "one two three")]);

        var usage = Assert.Single(updates.SelectMany(static u => u.Contents.OfType<UsageContent>())).Details;
        Assert.Equal(5, usage.InputTokenCount);
        Assert.Equal(updates.SelectMany(static u => u.Contents.OfType<TextContent>()).Count(), usage.OutputTokenCount);
        Assert.Equal(usage.InputTokenCount + usage.OutputTokenCount, usage.TotalTokenCount);
    }

    [Theory]
    [InlineData("what time is it")]
    [InlineData("What's the DATE today?")]
    public async Task Time_question_with_the_tool_offered_calls_current_time(string prompt)
    {
        using var client = NewClient();

        var updates = await StreamAsync(client, [new ChatMessage(ChatRole.User, prompt)], new ChatOptions { Tools = [CurrentTime, Calculate] });

        var call = Assert.Single(Calls(updates));
        Assert.Equal("current_time", call.Name);
        Assert.False(string.IsNullOrEmpty(call.CallId));
        Assert.Empty(call.Arguments ?? new Dictionary<string, object?>());
        Assert.Equal(ChatFinishReason.ToolCalls, FinishReason(updates));
        Assert.Contains("current_time", Text(updates), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arithmetic_with_the_tool_offered_calls_calculate_with_the_expression()
    {
        using var client = NewClient();

        var updates = await StreamAsync(client, [new ChatMessage(ChatRole.User, "what is (12 + 30) * 2")], new ChatOptions { Tools = [Calculate] });

        var call = Assert.Single(Calls(updates));
        Assert.Equal("calculate", call.Name);
        Assert.Equal("(12 + 30) * 2", call.Arguments?["expression"]);
        Assert.Equal(ChatFinishReason.ToolCalls, FinishReason(updates));
    }

    [Fact]
    public async Task With_the_tool_result_in_history_it_answers_with_the_value()
    {
        using var client = NewClient();
        var call = new FunctionCallContent("call_1", "calculate", new Dictionary<string, object?> { ["expression"] = "(12 + 30) * 2" });
        List<ChatMessage> history =
        [
            new(ChatRole.User, "what is (12 + 30) * 2"),
            new(ChatRole.Assistant, [new TextContent("I will work it out."), call]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "84")]),
        ];

        var updates = await StreamAsync(client, history, new ChatOptions { Tools = [Calculate] });

        Assert.Empty(Calls(updates));
        Assert.Contains("(12 + 30) * 2 = 84", Text(updates), StringComparison.Ordinal);
        Assert.Contains("Offline demo model", Text(updates), StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, FinishReason(updates));
    }

    [Fact]
    public async Task Time_result_in_history_is_reported_as_the_current_time()
    {
        using var client = NewClient();
        List<ChatMessage> history =
        [
            new(ChatRole.User, "what time is it"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_t", "current_time", new Dictionary<string, object?>())]),
            new(ChatRole.Tool, [new FunctionResultContent("call_t", "2030-01-02T03:04:05Z")]),
        ];

        var updates = await StreamAsync(client, history, new ChatOptions { Tools = [CurrentTime] });

        Assert.Contains("the current time is 2030-01-02T03:04:05Z", Text(updates), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what time is it")]
    [InlineData("what is (12 + 30) * 2")]
    public async Task Without_tools_offered_it_never_calls_tools(string prompt)
    {
        using var client = NewClient();

        var without = await StreamAsync(client, [new ChatMessage(ChatRole.User, prompt)]);
        var otherToolOnly = await StreamAsync(client, [new ChatMessage(ChatRole.User, prompt)], new ChatOptions { Tools = [AIFunctionFactory.Create(() => 1, "unrelated")] });
        var toolModeNone = await StreamAsync(client, [new ChatMessage(ChatRole.User, prompt)], new ChatOptions { Tools = [CurrentTime, Calculate], ToolMode = ChatToolMode.None });

        foreach (var updates in new[] { without, otherToolOnly, toolModeNone })
        {
            Assert.Empty(Calls(updates));
            Assert.Equal(ChatFinishReason.Stop, FinishReason(updates));
            Assert.Contains("offline demo model", Text(updates), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        using var client = new OfflineDemoChatClient(new OfflineDemoChatClientOptions { WordDelay = TimeSpan.FromSeconds(30) });
        using var cancel = new CancellationTokenSource();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: cancel.Token))
            {
                received++;
                await cancel.CancelAsync();
            }
        });
        Assert.Equal(1, received);
    }

    [Fact]
    public void Metadata_names_the_demo_provider_and_model()
    {
        using var client = new OfflineDemoChatClient(new OfflineDemoChatClientOptions { ModelId = "my-demo" });

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("gagent-offline-demo", metadata.ProviderName);
        Assert.Equal("my-demo", metadata.DefaultModelId);
        Assert.Same(client, client.GetService<OfflineDemoChatClient>());
        Assert.Null(client.GetService<ChatClientMetadata>("keyed"));
    }

    private static OfflineDemoChatClient NewClient() => new(new OfflineDemoChatClientOptions { WordDelay = TimeSpan.Zero });

    private static async Task<List<ChatResponseUpdate>> StreamAsync(OfflineDemoChatClient client, IEnumerable<ChatMessage> messages, ChatOptions? options = null)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(messages, options))
        {
            updates.Add(update);
        }

        return updates;
    }

    private static string Text(IEnumerable<ChatResponseUpdate> updates)
        => string.Concat(updates.SelectMany(static u => u.Contents.OfType<TextContent>()).Select(static t => t.Text));

    private static List<FunctionCallContent> Calls(IEnumerable<ChatResponseUpdate> updates)
        => [.. updates.SelectMany(static u => u.Contents.OfType<FunctionCallContent>())];

    private static ChatFinishReason? FinishReason(IReadOnlyList<ChatResponseUpdate> updates)
    {
        var reasons = updates.Where(static u => u.FinishReason is not null).ToList();
        return Assert.Single(reasons).FinishReason;
    }
}
