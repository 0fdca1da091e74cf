using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Providers;

public sealed class OpenAIRequestMappingTests : IAsyncLifetime
{
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Messages_map_every_role_and_content_kind()
    {
        _server.EnqueueJson(OpenAIWire.Completion());
        using var client = OpenAITestClients.Create(_server);
        ChatMessage[] messages =
        [
            new(ChatRole.System, "You are terse."),
            new(new ChatRole("developer"), "Prefer metric units."),
            new(ChatRole.User,
            [
                new TextContent("What is in these pictures?"),
                new DataContent(PngBytes, "image/png"),
                new UriContent(new Uri("https://example.com/cat.jpg"), "image/jpeg"),
            ]),
            new(ChatRole.Assistant,
            [
                new TextContent("Let me check."),
                new FunctionCallContent("call_1", "lookup", new Dictionary<string, object?> { ["query"] = "cat", ["limit"] = 3 }),
                new FunctionCallContent("call_2", "now", null),
            ]),
            new(ChatRole.Tool,
            [
                new FunctionResultContent("call_1", "a tabby cat"),
                new FunctionResultContent("call_2", JsonDocument.Parse("""{"time":"12:00"}""").RootElement),
            ]),
            new(ChatRole.Tool, [new FunctionResultContent("call_3", new WeatherResult("Paris", 21))]),
        ];

        await client.GetResponseAsync(messages, new ChatOptions { Instructions = "Answer in English." });

        var sent = _server.LastRequest.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["system", "system", "developer", "user", "assistant", "tool", "tool", "tool"], sent.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("Answer in English.", ContentText(sent[0]));
        Assert.Equal("You are terse.", ContentText(sent[1]));
        Assert.Equal("Prefer metric units.", ContentText(sent[2]));

        var userParts = sent[3].GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal("text", userParts[0].GetProperty("type").GetString());
        Assert.Equal("What is in these pictures?", userParts[0].GetProperty("text").GetString());
        Assert.Equal("image_url", userParts[1].GetProperty("type").GetString());
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(PngBytes), userParts[1].GetProperty("image_url").GetProperty("url").GetString());
        Assert.Equal("https://example.com/cat.jpg", userParts[2].GetProperty("image_url").GetProperty("url").GetString());

        var assistant = sent[4];
        Assert.Equal("Let me check.", ContentText(assistant));
        var calls = assistant.GetProperty("tool_calls").EnumerateArray().ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Equal("call_1", calls[0].GetProperty("id").GetString());
        Assert.Equal("function", calls[0].GetProperty("type").GetString());
        Assert.Equal("lookup", calls[0].GetProperty("function").GetProperty("name").GetString());
        using (var arguments = JsonDocument.Parse(calls[0].GetProperty("function").GetProperty("arguments").GetString()!))
        {
            Assert.Equal("cat", arguments.RootElement.GetProperty("query").GetString());
            Assert.Equal(3, arguments.RootElement.GetProperty("limit").GetInt32());
        }

        Assert.Equal("{}", calls[1].GetProperty("function").GetProperty("arguments").GetString());

        Assert.Equal("call_1", sent[5].GetProperty("tool_call_id").GetString());
        Assert.Equal("a tabby cat", ContentText(sent[5]));
        Assert.Equal("call_2", sent[6].GetProperty("tool_call_id").GetString());
        Assert.Equal("""{"time":"12:00"}""", ContentText(sent[6]));
        Assert.Equal("call_3", sent[7].GetProperty("tool_call_id").GetString());
        using var weather = JsonDocument.Parse(ContentText(sent[7]));
        Assert.Equal("Paris", weather.RootElement.GetProperty("city").GetString());
        Assert.Equal(21, weather.RootElement.GetProperty("celsius").GetInt32());
    }

    [Fact]
    public async Task Options_map_sampling_limits_and_response_format()
    {
        _server.EnqueueJson(OpenAIWire.Completion());
        using var client = OpenAITestClients.Create(_server);
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"]}""").RootElement;
        var options = new ChatOptions
        {
            Temperature = 0.25f,
            TopP = 0.5f,
            MaxOutputTokens = 321,
            StopSequences = ["END", "STOP"],
            Seed = 42,
            FrequencyPenalty = 0.5f,
            PresencePenalty = -0.5f,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "answer_schema", "The answer."),
        };

        await client.GetResponseAsync("hi", options);

        var request = _server.LastRequest;
        Assert.Equal(OpenAIWire.Model, request.GetProperty("model").GetString());
        Assert.Equal(0.25, request.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(0.5, request.GetProperty("top_p").GetDouble(), 3);
        Assert.Equal(321, request.GetProperty("max_completion_tokens").GetInt32());
        Assert.Equal(["END", "STOP"], request.GetProperty("stop").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(42, request.GetProperty("seed").GetInt64());
        Assert.Equal(0.5, request.GetProperty("frequency_penalty").GetDouble(), 3);
        Assert.Equal(-0.5, request.GetProperty("presence_penalty").GetDouble(), 3);
        Assert.False(request.TryGetProperty("stream", out var stream) && stream.GetBoolean());
        Assert.False(request.TryGetProperty("tools", out _));
        Assert.False(request.TryGetProperty("tool_choice", out _));

        var format = request.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        var jsonSchema = format.GetProperty("json_schema");
        Assert.Equal("answer_schema", jsonSchema.GetProperty("name").GetString());
        Assert.Equal("The answer.", jsonSchema.GetProperty("description").GetString());
        Assert.Equal("string", jsonSchema.GetProperty("schema").GetProperty("properties").GetProperty("answer").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("text", "text")]
    [InlineData("json", "json_object")]
    public async Task Response_format_text_and_json_map_to_their_types(string kind, string expected)
    {
        _server.EnqueueJson(OpenAIWire.Completion());
        using var client = OpenAITestClients.Create(_server);

        await client.GetResponseAsync("hi", new ChatOptions { ResponseFormat = kind == "text" ? ChatResponseFormat.Text : ChatResponseFormat.Json });

        Assert.Equal(expected, _server.LastRequest.GetProperty("response_format").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Tools_are_sent_as_function_definitions_with_their_schema()
    {
        _server.EnqueueJson(OpenAIWire.Completion());
        using var client = OpenAITestClients.Create(_server);
        var tool = AIFunctionFactory.Create(([Description("The city")] string city, int days) => $"{city}:{days}", "get_forecast", "Gets the weather forecast.");

        await client.GetResponseAsync("weather?", new ChatOptions { Tools = [tool], ToolMode = ChatToolMode.Auto, AllowMultipleToolCalls = false });

        var request = _server.LastRequest;
        var definition = Assert.Single(request.GetProperty("tools").EnumerateArray().ToArray());
        Assert.Equal("function", definition.GetProperty("type").GetString());
        var function = definition.GetProperty("function");
        Assert.Equal("get_forecast", function.GetProperty("name").GetString());
        Assert.Equal("Gets the weather forecast.", function.GetProperty("description").GetString());
        var parameters = function.GetProperty("parameters");
        Assert.Equal("object", parameters.GetProperty("type").GetString());
        Assert.Equal("string", parameters.GetProperty("properties").GetProperty("city").GetProperty("type").GetString());
        Assert.Equal("The city", parameters.GetProperty("properties").GetProperty("city").GetProperty("description").GetString());
        Assert.Equal("integer", parameters.GetProperty("properties").GetProperty("days").GetProperty("type").GetString());
        Assert.Equal("auto", request.GetProperty("tool_choice").GetString());
        Assert.False(request.GetProperty("parallel_tool_calls").GetBoolean());
    }

    [Theory]
    [InlineData("none", "none")]
    [InlineData("auto", "auto")]
    [InlineData("any", "required")]
    public async Task Tool_mode_maps_to_tool_choice(string mode, string expected)
    {
        _server.EnqueueJson(OpenAIWire.Completion());
        using var client = OpenAITestClients.Create(_server);
        ChatToolMode toolMode = mode switch { "none" => ChatToolMode.None, "auto" => ChatToolMode.Auto, _ => ChatToolMode.RequireAny };

        await client.GetResponseAsync("hi", new ChatOptions { Tools = [AIFunctionFactory.Create(() => "ok", "ping")], ToolMode = toolMode });

        Assert.Equal(expected, _server.LastRequest.GetProperty("tool_choice").GetString());
    }

    [Fact]
    public async Task Required_specific_tool_maps_to_a_function_tool_choice()
    {
        _server.EnqueueJson(OpenAIWire.Completion());
        using var client = OpenAITestClients.Create(_server);

        await client.GetResponseAsync("hi", new ChatOptions { Tools = [AIFunctionFactory.Create(() => "ok", "ping")], ToolMode = ChatToolMode.RequireSpecific("ping") });

        var choice = _server.LastRequest.GetProperty("tool_choice");
        Assert.Equal("function", choice.GetProperty("type").GetString());
        Assert.Equal("ping", choice.GetProperty("function").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Tool_choice_is_not_sent_without_tools()
    {
        _server.EnqueueJson(OpenAIWire.Completion());
        using var client = OpenAITestClients.Create(_server);

        await client.GetResponseAsync("hi", new ChatOptions { ToolMode = ChatToolMode.RequireAny, AllowMultipleToolCalls = true });

        Assert.False(_server.LastRequest.TryGetProperty("tool_choice", out _));
        Assert.False(_server.LastRequest.TryGetProperty("parallel_tool_calls", out _));
    }

    [Fact]
    public async Task Model_id_in_options_overrides_the_configured_model()
    {
        _server.EnqueueJson(OpenAIWire.Completion());
        using var client = OpenAITestClients.Create(_server);

        await client.GetResponseAsync("hi", new ChatOptions { ModelId = "other-model" });

        Assert.Equal("other-model", _server.LastRequest.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Reasoning_effort_maps_to_reasoning_effort()
    {
        _server.EnqueueJson(OpenAIWire.Completion());
        using var client = OpenAITestClients.Create(_server);

        await client.GetResponseAsync("think", new ChatOptions { Reasoning = new ReasoningOptions { Effort = ReasoningEffort.Low } });

        Assert.Equal("low", _server.LastRequest.GetProperty("reasoning_effort").GetString());
    }

    [Fact]
    public async Task Raw_sdk_options_from_the_factory_are_the_base_and_win()
    {
        _server.EnqueueJson(OpenAIWire.Completion());
        using var client = OpenAITestClients.Create(_server);
        var options = new ChatOptions
        {
            Temperature = 0.1f,
            MaxOutputTokens = 50,
            RawRepresentationFactory = _ => new OpenAI.Chat.ChatCompletionOptions { Temperature = 0.9f, EndUserId = "user-1" },
        };

        await client.GetResponseAsync("hi", options);

        var request = _server.LastRequest;
        Assert.Equal(0.9, request.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(50, request.GetProperty("max_completion_tokens").GetInt32());
        Assert.Equal("user-1", request.GetProperty("user").GetString());
    }

    [Fact]
    public async Task Api_key_and_organization_are_sent_as_headers()
    {
        _server.EnqueueJson(OpenAIWire.Completion());
        using var client = new GAgent.Providers.OpenAI.OpenAICompatibleChatClient(new GAgent.Providers.OpenAI.OpenAIProviderOptions
        {
            Endpoint = _server.Endpoint,
            ApiKey = "sk-secret",
            Model = OpenAIWire.Model,
            Organization = "org-123",
            MaxRetries = 0,
        });

        await client.GetResponseAsync("hi");

        var headers = Assert.Single(_server.RequestHeaders);
        Assert.Equal("Bearer sk-secret", headers["Authorization"]);
        Assert.Equal("org-123", headers["OpenAI-Organization"]);
    }

    [Fact]
    public async Task A_missing_api_key_still_reaches_servers_that_need_none()
    {
        _server.EnqueueJson(OpenAIWire.Completion("local"));
        using var client = new GAgent.Providers.OpenAI.OpenAICompatibleChatClient(new GAgent.Providers.OpenAI.OpenAIProviderOptions
        {
            Endpoint = _server.Endpoint,
            Model = OpenAIWire.Model,
            MaxRetries = 0,
        });

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("local", response.Text);
        Assert.StartsWith("Bearer ", Assert.Single(_server.RequestHeaders)["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_requests_ask_for_usage()
    {
        _server.EnqueueStream(OpenAIWire.TextChunk("hi"), OpenAIWire.FinishChunk("stop"));
        using var client = OpenAITestClients.Create(_server);

        await foreach (var _ in client.GetStreamingResponseAsync("hi"))
        {
        }

        var request = _server.LastRequest;
        Assert.True(request.GetProperty("stream").GetBoolean());
        Assert.True(request.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }

    [Theory]
    [InlineData("audio/wav")]
    [InlineData("application/pdf")]
    public async Task Unsupported_media_types_are_rejected_before_any_request(string mediaType)
    {
        using var client = OpenAITestClients.Create(_server);
        var message = new ChatMessage(ChatRole.User, [new TextContent("listen"), new DataContent(new byte[] { 1, 2, 3 }, mediaType)]);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync([message]));

        Assert.Contains(mediaType, error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.RequestBodies);
    }

    [Fact]
    public async Task Unknown_roles_are_rejected_with_the_role_name()
    {
        using var client = OpenAITestClients.Create(_server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GetResponseAsync([new ChatMessage(new ChatRole("narrator"), "once upon a time")]));

        Assert.Contains("narrator", error.Message, StringComparison.Ordinal);
    }

    private static string ContentText(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
    }

    private sealed record WeatherResult(string City, int Celsius);
}
