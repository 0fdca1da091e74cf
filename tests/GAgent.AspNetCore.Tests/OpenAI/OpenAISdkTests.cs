using System.ClientModel;
using System.Text;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;
using ChatFinishReason = OpenAI.Chat.ChatFinishReason;
using ChatMessage = OpenAI.Chat.ChatMessage;

namespace GAgent.AspNetCore.Tests.OpenAI;

/// <summary>The official OpenAI .NET SDK, unchanged, against a running GAgent.</summary>
public sealed class OpenAISdkTests
{
    [Fact]
    public async Task Lists_and_gets_models()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var models = host.CreateOpenAIClient().GetOpenAIModelClient();

        var list = (await models.GetModelsAsync()).Value;
        var model = Assert.Single(list);
        Assert.Equal("gagent-demo", model.Id);
        Assert.Equal("gagent", model.OwnedBy);

        var one = (await models.GetModelAsync("gagent-demo")).Value;
        Assert.Equal("gagent-demo", one.Id);

        var missing = await Assert.ThrowsAsync<ClientResultException>(() => models.GetModelAsync("no-such-model"));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task Completes_chat_without_streaming()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var chat = host.CreateOpenAIClient().GetChatClient("gagent-demo");

        var completion = (await chat.CompleteChatAsync([new SystemChatMessage("Be brief."), new UserChatMessage("Hello from the SDK")])).Value;

        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        var text = Assert.Single(completion.Content).Text;
        Assert.Contains("offline demo model", text, StringComparison.Ordinal);
        Assert.Contains("Hello from the SDK", text, StringComparison.Ordinal);
        Assert.StartsWith("chatcmpl-", completion.Id, StringComparison.Ordinal);
        Assert.Equal("gagent-demo", completion.Model);
        Assert.True(completion.Usage.OutputTokenCount > 0);
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task Streams_chat_with_role_first_one_id_usage_and_finish()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var chat = host.CreateOpenAIClient().GetChatClient("gagent-demo");

        var text = new StringBuilder();
        var ids = new HashSet<string>();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        ChatMessageRole? firstRole = null;
        var updates = 0;
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("stream please")]))
        {
            if (updates++ == 0)
            {
                firstRole = update.Role;
            }

            ids.Add(update.CompletionId);
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        Assert.Equal(ChatMessageRole.Assistant, firstRole);
        Assert.Single(ids);
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.Contains("stream please", text.ToString(), StringComparison.Ordinal);
        Assert.NotNull(usage);
        Assert.True(usage.OutputTokenCount > 10);
    }

    [Fact]
    public async Task Server_side_tools_run_inside_the_loop_and_never_surface_as_tool_calls()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var chat = host.CreateOpenAIClient().GetChatClient("gagent-demo");

        var completion = (await chat.CompleteChatAsync([new UserChatMessage("What is 12*7?")])).Value;
        Assert.Empty(completion.ToolCalls);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Contains("12*7 = 84", completion.Content[0].Text, StringComparison.Ordinal);

        var streamed = new StringBuilder();
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("What is 12*7?")]))
        {
            Assert.Empty(update.ToolCallUpdates);
            foreach (var part in update.ContentUpdate)
            {
                streamed.Append(part.Text);
            }
        }

        Assert.Equal(completion.Content[0].Text, streamed.ToString());
    }

    [Fact]
    public async Task Client_declared_tools_are_returned_to_the_client_and_the_follow_up_continues()
    {
        var client = new ScriptedChatClient((messages, options, ct) => messages[^1].Role == ChatRole.Tool
            ? ScriptedChatClient.Respond([new TextContent("It is sunny in " + ((FunctionResultContent)messages[^1].Contents[0]).Result)], Microsoft.Extensions.AI.ChatFinishReason.Stop, ct)
            : ScriptedChatClient.Respond([new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })], Microsoft.Extensions.AI.ChatFinishReason.ToolCalls, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", client));
        var chat = host.CreateOpenAIClient().GetChatClient("scripted");
        var tool = ChatTool.CreateFunctionTool("get_weather", "Weather for a city", BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""));
        var options = new ChatCompletionOptions { Tools = { tool } };
        List<ChatMessage> conversation = [new UserChatMessage("Weather in Paris?")];

        var first = (await chat.CompleteChatAsync(conversation, options)).Value;

        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        var call = Assert.Single(first.ToolCalls);
        Assert.Equal("call_1", call.Id);
        Assert.Equal("get_weather", call.FunctionName);
        Assert.Equal("Paris", JsonDocument.Parse(call.FunctionArguments).RootElement.GetProperty("city").GetString());
        var declared = Assert.Single(client.Calls[0].Options!.Tools!);
        Assert.Equal("get_weather", declared.Name);

        conversation.Add(new AssistantChatMessage(first));
        conversation.Add(new ToolChatMessage("call_1", "Paris"));
        var second = (await chat.CompleteChatAsync(conversation, options)).Value;

        Assert.Equal(ChatFinishReason.Stop, second.FinishReason);
        Assert.Equal("It is sunny in Paris", second.Content[0].Text);
        var sent = client.Calls[1].Messages;
        Assert.Contains(sent, m => m.Role == ChatRole.Assistant && m.Contents.OfType<FunctionCallContent>().Any(c => c.CallId == "call_1"));
    }

    [Fact]
    public async Task Client_declared_tool_calls_stream_as_delta_tool_calls()
    {
        var client = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Respond(
            [new TextContent("Checking. "), new FunctionCallContent("call_a", "lookup", new Dictionary<string, object?> { ["q"] = "x" }), new FunctionCallContent("call_b", "lookup", new Dictionary<string, object?> { ["q"] = "y" })],
            Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
            ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", client));
        var chat = host.CreateOpenAIClient().GetChatClient("scripted");
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("lookup", "Looks up", BinaryData.FromString("""{"type":"object","properties":{"q":{"type":"string"}}}""")) } };

        var calls = new Dictionary<int, (string? Id, string? Name, StringBuilder Args)>();
        ChatFinishReason? finish = null;
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("look up x and y")], options))
        {
            finish ??= update.FinishReason;
            foreach (var part in update.ToolCallUpdates)
            {
                if (!calls.TryGetValue(part.Index, out var entry))
                {
                    entry = (part.ToolCallId, part.FunctionName, new StringBuilder());
                    calls[part.Index] = entry;
                }

                entry.Args.Append(part.FunctionArgumentsUpdate?.ToString());
            }
        }

        Assert.Equal(ChatFinishReason.ToolCalls, finish);
        Assert.Equal(2, calls.Count);
        Assert.Equal(("call_a", "lookup"), (calls[0].Id, calls[0].Name));
        Assert.Equal(("call_b", "lookup"), (calls[1].Id, calls[1].Name));
        Assert.Equal("y", JsonDocument.Parse(calls[1].Args.ToString()).RootElement.GetProperty("q").GetString());
    }

    [Fact]
    public async Task A_client_tool_round_trip_works_streamed()
    {
        var client = new ScriptedChatClient((messages, options, ct) => messages[^1].Role == ChatRole.Tool
            ? ScriptedChatClient.Respond([new TextContent("Done: " + ((FunctionResultContent)messages[^1].Contents[0]).Result)], Microsoft.Extensions.AI.ChatFinishReason.Stop, ct)
            : ScriptedChatClient.Respond([new FunctionCallContent("call_9", "lookup", new Dictionary<string, object?> { ["q"] = "z" })], Microsoft.Extensions.AI.ChatFinishReason.ToolCalls, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", client));
        var chat = host.CreateOpenAIClient().GetChatClient("scripted");
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("lookup", "Looks up", BinaryData.FromString("""{"type":"object","properties":{"q":{"type":"string"}}}""")) } };
        List<ChatMessage> conversation = [new UserChatMessage("look up z")];

        string? callId = null, name = null;
        var arguments = new StringBuilder();
        await foreach (var update in chat.CompleteChatStreamingAsync(conversation, options))
        {
            foreach (var part in update.ToolCallUpdates)
            {
                callId ??= part.ToolCallId;
                name ??= part.FunctionName;
                arguments.Append(part.FunctionArgumentsUpdate?.ToString());
            }
        }

        Assert.Equal("call_9", callId);
        conversation.Add(new AssistantChatMessage([ChatToolCall.CreateFunctionToolCall(callId, name!, BinaryData.FromString(arguments.ToString()))]));
        conversation.Add(new ToolChatMessage(callId, "found"));
        var answer = new StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in chat.CompleteChatStreamingAsync(conversation, options))
        {
            finish ??= update.FinishReason;
            foreach (var part in update.ContentUpdate)
            {
                answer.Append(part.Text);
            }
        }

        Assert.Equal("Done: found", answer.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
    }

    [Fact]
    public async Task Unknown_model_is_a_404_with_model_not_found()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var chat = host.CreateOpenAIClient().GetChatClient("gpt-unknown");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(404, error.Status);
        using var body = JsonDocument.Parse(error.GetRawResponse()!.Content.ToString());
        var envelope = body.RootElement.GetProperty("error");
        Assert.Equal("model_not_found", envelope.GetProperty("code").GetString());
        Assert.Equal("model", envelope.GetProperty("param").GetString());
        Assert.Contains("gpt-unknown", envelope.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
