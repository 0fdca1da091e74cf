using System.Net;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.OpenAI;

/// <summary>The wire format of /v1 over raw HTTP: errors in OpenAI's envelope with the right status and param.</summary>
public sealed class ChatCompletionsHttpTests
{
    [Theory]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[", 400, "invalid_json", null)]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", 400, "missing_required_parameter", "model")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[]}", 400, "missing_required_parameter", "messages")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}", 400, "invalid_value", "messages[0].role")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"n\":2}", 400, "unsupported_parameter", "n")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":7}", 400, "invalid_value", "temperature")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":\"hot\"}", 400, "invalid_json", "temperature")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}", 400, "missing_required_parameter", "messages[0].tool_call_id")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":5}]}", 400, "missing_required_parameter", "messages[0].content")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":null}]}", 400, "missing_required_parameter", "messages[0].content")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"system\",\"content\":{\"text\":\"x\"}},{\"role\":\"user\",\"content\":\"hi\"}]}", 400, "invalid_value", "messages[0].content")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"image_url\"}]},{\"role\":\"user\",\"content\":\"hi\"}]}", 400, "invalid_value", "messages[0].content[1]")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\"}]}]}", 400, "unsupported_parameter", "messages[0].content[0].type")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"nope\"}}}", 400, "invalid_value", "tool_choice")]
    [InlineData("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"functions\":[]}", 400, "unsupported_parameter", "functions")]
    public async Task Bad_requests_get_the_OpenAI_error_envelope_naming_the_field(string body, int status, string code, string? param)
    {
        await using var host = await GAgentTestHost.StartAsync();

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", body));

        Assert.Equal(status, (int)response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData(null, 70, false)]
    [InlineData(null, 60, true)]
    [InlineData("8", 9, false)]
    [InlineData("8", 8, true)]
    [InlineData("100", 90, true)]
    public async Task The_configured_json_depth_limit_holds_for_small_and_large_bodies(string? maxDepth, int depth, bool accepted)
    {
        var settings = maxDepth is null ? null : new Dictionary<string, string?> { ["GAgent:Limits:MaxJsonDepth"] = maxDepth };
        await using var host = await GAgentTestHost.StartAsync(settings: settings);

        // A small body arrives in one piece; one of 20 KB spans several buffers of the request pipe, which are parsed differently.
        foreach (var padding in new[] { 0, 20_000 })
        {
            using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", NestedBody(depth, padding)));

            var text = await response.Content.ReadAsStringAsync();
            Assert.True(accepted == response.IsSuccessStatusCode, $"depth {depth}, padding {padding}: {(int)response.StatusCode} {text}");
            if (!accepted)
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Contains("invalid_json", text, StringComparison.Ordinal);
                Assert.Contains("depth", text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20_000)]
    public async Task A_syntax_error_says_where_in_the_text_and_names_no_field(int padding)
    {
        await using var host = await GAgentTestHost.StartAsync();
        var body = "{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('a', padding) + "\"}],\"stream\":tru}";

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("invalid_json", error.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
        // The reader stops at the first byte that cannot continue the literal: the brace after "tru".
        Assert.Contains($"(line 1, byte {body.IndexOf("tru}", StringComparison.Ordinal) + 4}): ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A valid request whose deepest value (inside a tool's parameter schema) is <paramref name="depth"/> levels down.</summary>
    private static string NestedBody(int depth, int padding)
    {
        // Root, tools array, tool, function, parameters: five levels before the nested schema objects.
        var schema = string.Concat(Enumerable.Repeat("{\"type\":\"object\",\"properties\":{\"a\":", (depth - 5) / 2)) + "{\"type\":\"string\"}" + string.Concat(Enumerable.Repeat("}}", (depth - 5) / 2));
        if ((depth - 5) % 2 == 1)
        {
            schema = "{\"type\":\"object\",\"x\":" + schema + "}";
        }

        return "{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi" + new string('a', padding) + "\"}],"
            + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":" + schema + "}}]}";
    }

    [Fact]
    public async Task Oversized_body_is_413_naming_the_limit()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:Limits:MaxOpenAIRequestBytes"] = "2048" }, configure: g => g.UseOfflineDemoModel());
        var big = "{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('a', 5000) + "\"}]}";

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("MaxOpenAIRequestBytes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_json_content_type_is_415()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent("model=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8", HttpStatusCode.OK)]
    [InlineData("Application/JSON", HttpStatusCode.OK)]
    [InlineData("application/vnd.example+json ; v=1", HttpStatusCode.OK)]
    [InlineData("text/json", HttpStatusCode.OK)]
    [InlineData("application/jsonl", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/plain; charset=utf-8", HttpStatusCode.UnsupportedMediaType)]
    public async Task Json_media_types_are_told_apart_by_the_media_type_before_any_parameters(string contentType, HttpStatusCode expected)
    {
        await using var host = await GAgentTestHost.StartAsync(configure: g => g.UseOfflineDemoModel());
        using var content = new ByteArrayContent("{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = content };

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Stateless_requests_store_nothing()
    {
        await using var host = await GAgentTestHost.StartAsync();

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", "{\"model\":\"gagent-demo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

        response.EnsureSuccessStatusCode();
        var page = await host.Services.GetRequiredService<ISessionStore>().ListAsync(new SessionQuery());
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Stream_ends_with_done_and_every_chunk_has_the_same_id_and_created()
    {
        await using var host = await GAgentTestHost.StartAsync();

        using var response = await host.Client.SendAsync(
            GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", "{\"model\":\"gagent-demo\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
            HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var items = await SseEvents.ReadAllAsync(response);
        Assert.Equal("[DONE]", items[^1].Data);
        var chunks = SseEvents.Json(items.SkipLast(1));
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Single(chunks.Select(c => c.GetProperty("created").GetInt64()).Distinct());
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.Equal("stop", chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.False(chunks[^1].TryGetProperty("usage", out _));
    }

    [Fact]
    public async Task A_non_streamed_completion_asks_the_model_for_its_whole_reply_and_is_sent_with_its_length()
    {
        var model = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Respond([new TextContent("Hello"), new TextContent(", world")], ChatFinishReason.Stop, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

        response.EnsureSuccessStatusCode();
        Assert.Equal(1, model.WholeReplies);
        Assert.Single(model.Calls);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Null(response.Headers.TransferEncodingChunked);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Hello, world", json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(15, json.RootElement.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task A_non_streamed_completion_over_a_model_that_answers_at_once_is_whole()
    {
        var model = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Instant([new TextContent("At "), new TextContent("once.")], ChatFinishReason.Stop));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));

        for (var i = 0; i < 3; i++)
        {
            using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var choice = json.RootElement.GetProperty("choices")[0];
            Assert.Equal("At once.", choice.GetProperty("message").GetProperty("content").GetString());
            Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
            Assert.Equal(15, json.RootElement.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        }

        Assert.Equal(3, model.WholeReplies);
    }

    [Fact]
    public async Task A_streamed_completion_streams_from_the_model()
    {
        var model = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Respond([new TextContent("Hello"), new TextContent(", world")], ChatFinishReason.Stop, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));

        using var response = await host.Client.SendAsync(
            GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", "{\"model\":\"scripted\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
            HttpCompletionOption.ResponseHeadersRead);
        var chunks = SseEvents.Json((await SseEvents.ReadAllAsync(response)).SkipLast(1));

        Assert.Equal(0, model.WholeReplies);
        Assert.Single(model.Calls);
        var deltas = chunks.Select(static c => c.GetProperty("choices")[0].GetProperty("delta")).Where(static d => d.TryGetProperty("content", out var c) && c.GetString() is { Length: > 0 }).Select(static d => d.GetProperty("content").GetString());
        Assert.Equal(["Hello", ", world"], deltas);
    }
}
