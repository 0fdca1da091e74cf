using System.ClientModel;
using System.Text;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Responses;

// The Responses client of the OpenAI SDK is marked experimental (OPENAI001); these tests exercise exactly that client.
#pragma warning disable OPENAI001

namespace GAgent.AspNetCore.Tests.OpenAI;

/// <summary>The official OpenAI .NET SDK's Responses client, unchanged, against a running GAgent.</summary>
public sealed class ResponsesSdkTests
{
    private static ScriptedChatClient Echo() => new((messages, _, ct) => ScriptedChatClient.Respond(
        [new TextContent("You said: "), new TextContent(messages.Last(static m => m.Role == ChatRole.User).Text)],
        Microsoft.Extensions.AI.ChatFinishReason.Stop,
        ct));

    [Fact]
    public async Task Creates_a_response_from_a_string_without_streaming()
    {
        var model = Echo();
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));
        var client = host.CreateOpenAIClient().GetResponsesClient();

        var response = (await client.CreateResponseAsync("scripted", "Hello there")).Value;

        Assert.StartsWith("resp_", response.Id, StringComparison.Ordinal);
        Assert.Equal(ResponseStatus.Completed, response.Status);
        Assert.Equal("You said: Hello there", response.GetOutputText());
        var message = Assert.IsAssignableFrom<MessageResponseItem>(Assert.Single(response.OutputItems));
        Assert.Equal(MessageRole.Assistant, message.Role);
        Assert.Equal(10, response.Usage.InputTokenCount);
        Assert.Equal(5, response.Usage.OutputTokenCount);
        Assert.Equal(15, response.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task Streams_a_response_in_the_spec_order()
    {
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", Echo()));
        var client = host.CreateOpenAIClient().GetResponsesClient();

        var text = new StringBuilder();
        var kinds = new List<string>();
        ResponseResult? completed = null;
        var updates = await client.CreateResponseStreamingAsync(new CreateResponseOptions("scripted", [ResponseItem.CreateUserMessageItem("stream me")]) { StreamingEnabled = true });
        await foreach (var update in updates)
        {
            kinds.Add(update.GetType().Name);
            switch (update)
            {
                case StreamingResponseOutputTextDeltaUpdate delta:
                    text.Append(delta.Delta);
                    break;
                case StreamingResponseCompletedUpdate done:
                    completed = done.Response;
                    break;
            }
        }

        Assert.Equal("You said: stream me", text.ToString());
        Assert.NotNull(completed);
        Assert.Equal("You said: stream me", completed.GetOutputText());
        Assert.Equal(nameof(StreamingResponseCreatedUpdate), kinds[0]);
        Assert.Equal(nameof(StreamingResponseInProgressUpdate), kinds[1]);
        Assert.Equal(nameof(StreamingResponseCompletedUpdate), kinds[^1]);
    }

    [Fact]
    public async Task Chains_with_previous_response_id_and_gets_deletes_and_lists_input_items()
    {
        var model = Echo();
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));
        var client = host.CreateOpenAIClient().GetResponsesClient();

        var first = (await client.CreateResponseAsync("scripted", "My name is Ada.")).Value;
        var second = (await client.CreateResponseAsync(new CreateResponseOptions("scripted", [ResponseItem.CreateUserMessageItem("What is my name?")]) { PreviousResponseId = first.Id })).Value;

        Assert.Equal(first.Id, second.PreviousResponseId);
        var sent = model.Calls[1].Messages;
        Assert.Contains(sent, static m => m.Role == ChatRole.User && m.Text == "My name is Ada.");
        Assert.Contains(sent, static m => m.Role == ChatRole.Assistant && m.Text == "You said: My name is Ada.");
        Assert.Equal("What is my name?", sent[^1].Text);

        var fetched = (await client.GetResponseAsync(second.Id)).Value;
        Assert.Equal(second.Id, fetched.Id);
        Assert.Equal("You said: What is my name?", fetched.GetOutputText());

        var items = new List<ResponseItem>();
        await foreach (var item in client.GetResponseInputItemsAsync(second.Id))
        {
            items.Add(item);
        }

        var input = Assert.IsAssignableFrom<MessageResponseItem>(Assert.Single(items));
        Assert.Equal("What is my name?", input.Content[0].Text);

        var deleted = (await client.DeleteResponseAsync(first.Id)).Value;
        Assert.True(deleted.Deleted);
        var gone = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync(first.Id));
        Assert.Equal(404, gone.Status);
    }

    [Fact]
    public async Task Round_trips_a_client_function_call()
    {
        var model = new ScriptedChatClient((messages, _, ct) => messages[^1].Role == ChatRole.Tool
            ? ScriptedChatClient.Respond([new TextContent("It is sunny in " + ((FunctionResultContent)messages[^1].Contents[0]).Result)], Microsoft.Extensions.AI.ChatFinishReason.Stop, ct)
            : ScriptedChatClient.Respond([new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })], Microsoft.Extensions.AI.ChatFinishReason.ToolCalls, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));
        var client = host.CreateOpenAIClient().GetResponsesClient();
        var tool = ResponseTool.CreateFunctionTool("get_weather", BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""), strictModeEnabled: false, functionDescription: "Weather for a city");

        var first = (await client.CreateResponseAsync(new CreateResponseOptions("scripted", [ResponseItem.CreateUserMessageItem("Weather in Paris?")]) { Tools = { tool } })).Value;

        var call = Assert.IsAssignableFrom<FunctionCallResponseItem>(Assert.Single(first.OutputItems));
        Assert.Equal("call_1", call.CallId);
        Assert.Equal("get_weather", call.FunctionName);
        Assert.Equal("Paris", JsonDocument.Parse(call.FunctionArguments).RootElement.GetProperty("city").GetString());
        Assert.Equal("get_weather", Assert.Single(model.Calls[0].Options!.Tools!).Name);

        var second = (await client.CreateResponseAsync(new CreateResponseOptions("scripted", [ResponseItem.CreateFunctionCallOutputItem("call_1", "Paris")]) { PreviousResponseId = first.Id, Tools = { tool } })).Value;

        Assert.Equal("It is sunny in Paris", second.GetOutputText());
        var sent = model.Calls[1].Messages;
        Assert.Contains(sent, static m => m.Role == ChatRole.Assistant && m.Contents.OfType<FunctionCallContent>().Any(static c => c.CallId == "call_1"));
    }

    [Fact]
    public async Task Unknown_model_and_previous_response_surface_as_client_errors_with_the_server_message()
    {
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", Echo()));
        var client = host.CreateOpenAIClient().GetResponsesClient();

        var model = await Assert.ThrowsAsync<ClientResultException>(() => client.CreateResponseAsync("gpt-unknown", "hi"));
        Assert.Equal(404, model.Status);
        Assert.Contains("gpt-unknown", model.Message, StringComparison.Ordinal);

        var previous = await Assert.ThrowsAsync<ClientResultException>(() => client.CreateResponseAsync(new CreateResponseOptions("scripted", [ResponseItem.CreateUserMessageItem("hi")]) { PreviousResponseId = "resp_missing" }));
        Assert.Equal(404, previous.Status);
        Assert.Contains("resp_missing", previous.Message, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(previous.GetRawResponse()!.Content.ToString());
        Assert.Equal("previous_response_id", body.RootElement.GetProperty("error").GetProperty("param").GetString());
    }
}
