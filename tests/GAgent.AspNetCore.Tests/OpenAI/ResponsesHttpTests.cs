using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.OpenAI;

/// <summary>The Responses endpoints over raw HTTP: exact SSE framing, statuses, errors and persistence.</summary>
public sealed class ResponsesHttpTests
{
    private static ScriptedChatClient Words(params string[] words) => new((_, _, ct) => ScriptedChatClient.Respond([.. words.Select(static w => new TextContent(w))], ChatFinishReason.Stop, ct));

    private static async Task<JsonElement> PostJsonAsync(GAgentTestHost host, string path, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, path, json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> GetJsonAsync(GAgentTestHost host, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await host.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<List<System.Net.ServerSentEvents.SseItem<string>>> StreamAsync(GAgentTestHost host, HttpRequestMessage request)
    {
        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return await SseEvents.ReadAllAsync(response);
    }

    private static void AssertFraming(List<System.Net.ServerSentEvents.SseItem<string>> items, string terminal)
    {
        Assert.DoesNotContain(items, static i => i.Data.Contains("[DONE]", StringComparison.Ordinal));
        var events = SseEvents.Json(items);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.Equal(events[i].Type(), items[i].EventType);
            Assert.Equal(i, events[i].GetProperty("sequence_number").GetInt64());
        }

        Assert.Equal("response.created", events[0].Type());
        Assert.Equal("response.in_progress", events[1].Type());
        Assert.Single(events, static e => e.Type() is "response.completed" or "response.incomplete" or "response.failed");
        Assert.Equal(terminal, events[^1].Type());
    }

    [Fact]
    public async Task A_non_streamed_response_asks_the_model_for_its_whole_reply_and_is_sent_with_its_length()
    {
        var model = Words("Hello", ", ", "world");
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));

        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/responses", """{"model":"scripted","input":"hi"}"""));

        response.EnsureSuccessStatusCode();
        Assert.Equal(1, model.WholeReplies);
        Assert.Null(response.Headers.TransferEncodingChunked);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("completed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Hello, world", json.RootElement.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_stored_response_over_a_model_that_answers_at_once_is_completed_and_retrievable()
    {
        var model = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Instant([new TextContent("At "), new TextContent("once.")], ChatFinishReason.Stop));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));

        using var created = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/responses", """{"model":"scripted","input":"hi","store":true}"""));
        created.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal("completed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("At once.", json.RootElement.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());
        var id = json.RootElement.GetProperty("id").GetString();

        // The recorder stores the final response after the answer; it is there once recorded.
        JsonElement stored = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var fetched = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, $"/v1/responses/{id}", null));
            fetched.EnsureSuccessStatusCode();
            stored = JsonDocument.Parse(await fetched.Content.ReadAsStringAsync()).RootElement;
            if (stored.GetProperty("status").GetString() != "in_progress")
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.Equal("completed", stored.GetProperty("status").GetString());
        Assert.Equal("At once.", stored.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Streams_with_event_names_matching_types_numbered_from_zero_in_the_spec_order()
    {
        var model = Words("Hello", ", ", "world");
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));

        var items = await StreamAsync(host, GAgentTestHost.Request(HttpMethod.Post, "/v1/responses", """{"model":"scripted","input":"hi","stream":true}"""));

        AssertFraming(items, "response.completed");
        var types = SseEvents.Json(items).Select(static e => e.Type()).ToList();
        Assert.Equal(0, model.WholeReplies);
        Assert.Equal(
            [
                "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed",
            ],
            types);
        var events = SseEvents.Json(items);
        Assert.Equal("Hello, world", events[7].GetProperty("text").GetString());
        var completed = events[^1].GetProperty("response");
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal("Hello, world", completed.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(15, completed.GetProperty("usage").GetProperty("total_tokens").GetInt64());
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("error").ValueKind);
        Assert.Equal(events[2].GetProperty("item").GetProperty("id").GetString(), events[4].GetProperty("item_id").GetString());
    }

    [Fact]
    public async Task Streams_client_function_calls_with_argument_events_and_hides_server_tools()
    {
        var model = new ScriptedChatClient((messages, _, ct) => messages[^1].Role == ChatRole.Tool
            ? ScriptedChatClient.Respond([new FunctionCallContent("call_client", "lookup", new Dictionary<string, object?> { ["q"] = "x" })], ChatFinishReason.ToolCalls, ct)
            : ScriptedChatClient.Respond([new FunctionCallContent("call_server", "server_clock", new Dictionary<string, object?>())], ChatFinishReason.ToolCalls, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model).AddTool(() => "12:00", "server_clock", "The time"));

        var items = await StreamAsync(host, GAgentTestHost.Request(HttpMethod.Post, "/v1/responses", """
            {"model":"scripted","input":[{"role":"user","content":"look it up"}],"stream":true,
             "tools":[{"type":"function","name":"lookup","parameters":{"type":"object","properties":{"q":{"type":"string"}}}}]}
            """));

        AssertFraming(items, "response.completed");
        var events = SseEvents.Json(items);
        Assert.DoesNotContain(items, static i => i.Data.Contains("server_clock", StringComparison.Ordinal));
        var added = Assert.Single(events, static e => e.Type() == "response.output_item.added");
        Assert.Equal("function_call", added.GetProperty("item").GetProperty("type").GetString());
        Assert.Equal("call_client", added.GetProperty("item").GetProperty("call_id").GetString());
        Assert.Contains(events, static e => e.Type() == "response.function_call_arguments.delta");
        var done = Assert.Single(events, static e => e.Type() == "response.function_call_arguments.done");
        Assert.Equal("lookup", done.GetProperty("name").GetString());
        Assert.Equal("x", JsonDocument.Parse(done.GetProperty("arguments").GetString()!).RootElement.GetProperty("q").GetString());
        var output = events[^1].GetProperty("response").GetProperty("output");
        Assert.Equal("function_call", Assert.Single(output.EnumerateArray()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_failing_model_gives_status_failed_with_an_error_streamed_and_not()
    {
        var model = new ScriptedChatClient(static (_, _, ct) => Fail(ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));

        var response = await PostJsonAsync(host, "/v1/responses", """{"model":"scripted","input":"hi"}""");
        Assert.Equal("failed", response.GetProperty("status").GetString());
        Assert.Equal("server_error", response.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(response.GetProperty("error").GetProperty("message").GetString()));
        var stored = await GetJsonAsync(host, "/v1/responses/" + response.GetProperty("id").GetString());
        Assert.Equal("failed", stored.GetProperty("status").GetString());

        var items = await StreamAsync(host, GAgentTestHost.Request(HttpMethod.Post, "/v1/responses", """{"model":"scripted","input":"hi","stream":true}"""));
        AssertFraming(items, "response.failed");
    }

    [Fact]
    public async Task Length_limit_gives_status_incomplete_with_the_reason()
    {
        var model = new ScriptedChatClient(static (_, _, ct) => ScriptedChatClient.Respond([new TextContent("cut")], ChatFinishReason.Length, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));

        var response = await PostJsonAsync(host, "/v1/responses", """{"model":"scripted","input":"hi","max_output_tokens":3}""");

        Assert.Equal("incomplete", response.GetProperty("status").GetString());
        Assert.Equal("max_output_tokens", response.GetProperty("incomplete_details").GetProperty("reason").GetString());
        Assert.Equal(3, model.Calls[0].Options!.MaxOutputTokens);
    }

    [Fact]
    public async Task Replays_a_stored_stream_and_resumes_after_a_sequence_number()
    {
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", Words("a", "b")));
        var created = await PostJsonAsync(host, "/v1/responses", """{"model":"scripted","input":"hi"}""");
        var id = created.GetProperty("id").GetString();

        var all = await StreamAsync(host, GAgentTestHost.Request(HttpMethod.Get, $"/v1/responses/{id}?stream=true"));
        AssertFraming(all, "response.completed");
        Assert.Equal("ab", SseEvents.Json(all).Single(static e => e.Type() == "response.output_text.delta").GetProperty("delta").GetString());

        var resumed = SseEvents.Json(await StreamAsync(host, GAgentTestHost.Request(HttpMethod.Get, $"/v1/responses/{id}?stream=true&starting_after=5")));
        Assert.Equal(6, resumed[0].GetProperty("sequence_number").GetInt64());
        Assert.Equal("response.completed", resumed[^1].Type());
    }

    [Fact]
    public async Task Keeps_request_fields_metadata_and_instructions()
    {
        var model = Words("ok");
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));

        var response = await PostJsonAsync(host, "/v1/responses", """{"model":"scripted","input":"hi","instructions":"Answer in French.","metadata":{"k":"v"},"temperature":0.5,"top_p":0.9}""");

        Assert.Equal("response", response.GetProperty("object").GetString());
        Assert.Equal("Answer in French.", response.GetProperty("instructions").GetString());
        Assert.Equal("v", response.GetProperty("metadata").GetProperty("k").GetString());
        Assert.Equal(0.5, response.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal("scripted", response.GetProperty("model").GetString());
        Assert.True(response.GetProperty("store").GetBoolean());
        Assert.Contains(model.Calls[0].Messages, static m => m.Role == ChatRole.System && m.Text.Contains("Answer in French.", StringComparison.Ordinal));
        Assert.Equal(0.5f, model.Calls[0].Options!.Temperature);
    }

    [Fact]
    public async Task Maps_image_parts_and_prior_function_items_onto_model_messages()
    {
        var model = Words("ok");
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));

        await PostJsonAsync(host, "/v1/responses", """
            {"model":"scripted","input":[
              {"role":"user","content":[{"type":"input_text","text":"what is this?"},{"type":"input_image","image_url":"data:image/png;base64,iVBORw0KGgo="}]},
              {"type":"message","role":"assistant","content":[{"type":"output_text","text":"Let me check."}]},
              {"type":"function_call","call_id":"c1","name":"inspect","arguments":"{\"x\":1}"},
              {"type":"function_call_output","call_id":"c1","output":"a PNG"}]}
            """);

        var sent = model.Calls[0].Messages;
        var user = Assert.Single(sent, static m => m.Role == ChatRole.User);
        Assert.Equal("image/png", Assert.Single(user.Contents.OfType<DataContent>()).MediaType);
        var assistant = Assert.Single(sent, static m => m.Role == ChatRole.Assistant);
        Assert.Equal("Let me check.", assistant.Text);
        Assert.Equal("c1", Assert.Single(assistant.Contents.OfType<FunctionCallContent>()).CallId);
        Assert.Equal("a PNG", Assert.Single(sent.Single(static m => m.Role == ChatRole.Tool).Contents.OfType<FunctionResultContent>()).Result);
    }

    [Fact]
    public async Task Store_false_is_not_kept()
    {
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", Words("ok")));

        var response = await PostJsonAsync(host, "/v1/responses", """{"model":"scripted","input":"hi","store":false}""");

        Assert.False(response.GetProperty("store").GetBoolean());
        await GetJsonAsync(host, "/v1/responses/" + response.GetProperty("id").GetString(), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Lists_input_items_with_paging_and_order()
    {
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", Words("ok")));
        var response = await PostJsonAsync(host, "/v1/responses", """
            {"model":"scripted","input":[{"role":"system","content":"s"},{"role":"user","content":"one"},{"type":"message","role":"user","content":[{"type":"input_text","text":"two"}]}]}
            """);
        var id = response.GetProperty("id").GetString();

        var first = await GetJsonAsync(host, $"/v1/responses/{id}/input_items?limit=2");
        Assert.Equal("list", first.GetProperty("object").GetString());
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal("two", first.GetProperty("data")[0].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("input_text", first.GetProperty("data")[1].GetProperty("content")[0].GetProperty("type").GetString());
        Assert.Equal(first.GetProperty("data")[1].GetProperty("id").GetString(), first.GetProperty("last_id").GetString());

        var rest = await GetJsonAsync(host, $"/v1/responses/{id}/input_items?limit=2&after={first.GetProperty("last_id").GetString()}");
        Assert.False(rest.GetProperty("has_more").GetBoolean());
        Assert.Equal("system", Assert.Single(rest.GetProperty("data").EnumerateArray()).GetProperty("role").GetString());

        var ascending = await GetJsonAsync(host, $"/v1/responses/{id}/input_items?order=asc");
        Assert.Equal("system", ascending.GetProperty("data")[0].GetProperty("role").GetString());

        var bad = await GetJsonAsync(host, $"/v1/responses/{id}/input_items?limit=0", HttpStatusCode.BadRequest);
        Assert.Equal("limit", bad.GetProperty("error").GetProperty("param").GetString());
    }

    [Theory]
    [InlineData("""{"input":"hi"}""", "model")]
    [InlineData("""{"model":"scripted"}""", "input")]
    [InlineData("""{"model":"scripted","input":42}""", "input")]
    [InlineData("""{"model":"scripted","input":[{"type":"reasoning","id":"r"}]}""", "input[0].type")]
    [InlineData("""{"model":"scripted","input":[{"role":"robot","content":"x"}]}""", "input[0].role")]
    [InlineData("""{"model":"scripted","input":[{"type":"function_call_output","output":"x"}]}""", "input[0].call_id")]
    [InlineData("""{"model":"scripted","input":"hi","tools":[{"type":"web_search"}]}""", "tools[0].type")]
    [InlineData("""{"model":"scripted","input":"hi","temperature":3}""", "temperature")]
    [InlineData("""{"model":"scripted","input":"hi","tool_choice":{"type":"function","name":"nope"}}""", "tool_choice")]
    [InlineData("""{"model":"scripted","input":"hi","background":true}""", "background")]
    public async Task Bad_requests_get_400_naming_the_parameter(string json, string param)
    {
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", Words("ok")));

        var error = await PostJsonAsync(host, "/v1/responses", json, HttpStatusCode.BadRequest);

        Assert.Equal(param, error.GetProperty("error").GetProperty("param").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Unknown_ids_get_404_envelopes()
    {
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", Words("ok")));

        var get = await GetJsonAsync(host, "/v1/responses/resp_nope", HttpStatusCode.NotFound);
        Assert.Equal("response_not_found", get.GetProperty("error").GetProperty("code").GetString());
        await GetJsonAsync(host, "/v1/responses/resp_nope/input_items", HttpStatusCode.NotFound);
        await PostJsonAsync(host, "/v1/responses/resp_nope/cancel", "{}", HttpStatusCode.NotFound);
        using var delete = await host.Client.DeleteAsync("/v1/responses/resp_nope");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task Cancels_a_response_in_progress()
    {
        var release = new TaskCompletionSource();
        var model = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Gated(release.Task, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));
        using var streaming = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/responses", """{"model":"scripted","input":"hi","stream":true}"""), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await streaming.Content.ReadAsStreamAsync();
        var reader = System.Net.ServerSentEvents.SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        var id = JsonDocument.Parse(reader.Current.Data).RootElement.GetProperty("response").GetProperty("id").GetString();

        var inProgress = await GetJsonAsync(host, "/v1/responses/" + id);
        Assert.Equal("in_progress", inProgress.GetProperty("status").GetString());

        var cancelled = await PostJsonAsync(host, $"/v1/responses/{id}/cancel", "{}");
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());

        var rest = new List<string>();
        while (await reader.MoveNextAsync())
        {
            rest.Add(reader.Current.EventType);
        }

        Assert.Equal("response.failed", rest[^1]);
        var stored = await GetJsonAsync(host, "/v1/responses/" + id);
        Assert.Equal("cancelled", stored.GetProperty("status").GetString());
        var again = await PostJsonAsync(host, $"/v1/responses/{id}/cancel", "{}");
        Assert.Equal("cancelled", again.GetProperty("status").GetString());
        await reader.DisposeAsync();
    }

    [Fact]
    public async Task Stored_responses_survive_a_restart_and_chain_across_it()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string id;
            await using (var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", Words("remembered")), dataDirectory: directory))
            {
                id = (await PostJsonAsync(host, "/v1/responses", """{"model":"scripted","input":"keep this"}""")).GetProperty("id").GetString()!;
            }

            Assert.True(File.Exists(Path.Combine(directory, "responses", id + ".json")));
            var model = Words("again");
            await using (var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model), dataDirectory: directory))
            {
                var stored = await GetJsonAsync(host, "/v1/responses/" + id);
                Assert.Equal("completed", stored.GetProperty("status").GetString());
                Assert.Equal("remembered", stored.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());

                await PostJsonAsync(host, "/v1/responses", $$"""{"model":"scripted","input":"and now?","previous_response_id":"{{id}}"}""");
                Assert.Contains(model.Calls[0].Messages, static m => m.Role == ChatRole.User && m.Text == "keep this");
                Assert.Contains(model.Calls[0].Messages, static m => m.Role == ChatRole.Assistant && m.Text == "remembered");

                var deleted = await host.Client.DeleteAsync("/v1/responses/" + id);
                var body = JsonDocument.Parse(await deleted.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal(id, body.GetProperty("id").GetString());
                Assert.Equal("response", body.GetProperty("object").GetString());
                Assert.True(body.GetProperty("deleted").GetBoolean());
            }
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_second_reader_follows_a_response_in_progress_with_the_same_events_and_numbers()
    {
        var release = new TaskCompletionSource();
        var model = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Gated(release.Task, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));
        using var streaming = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/responses", """{"model":"scripted","input":"hi","stream":true}"""), HttpCompletionOption.ResponseHeadersRead);
        var original = new List<System.Net.ServerSentEvents.SseItem<string>>();
        await using var body = await streaming.Content.ReadAsStreamAsync();
        var reader = System.Net.ServerSentEvents.SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        original.Add(reader.Current);
        var id = JsonDocument.Parse(reader.Current.Data).RootElement.GetProperty("response").GetProperty("id").GetString();

        // Once the follower has its headers, the server has chosen the live path for it; it then reads the run's
        // journal from the start, so releasing the model now cannot make it miss anything.
        using var following = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, $"/v1/responses/{id}?stream=true&starting_after=1"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, following.StatusCode);
        var follower = SseEvents.ReadAllAsync(following);
        release.SetResult();
        while (await reader.MoveNextAsync())
        {
            original.Add(reader.Current);
        }

        await reader.DisposeAsync();
        var followed = await follower;
        AssertFraming(original, "response.completed");
        Assert.Equal(original.Skip(2).Select(static i => (i.EventType, i.Data)), followed.Select(static i => (i.EventType, i.Data)));
    }

    [Fact]
    public async Task A_response_cut_off_by_a_previous_process_reads_as_failed()
    {
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", Words("ok")));
        var store = host.Services.GetRequiredService<GAgent.Responses.IResponseStore>();
        using var document = JsonDocument.Parse("""
            {"id":"resp_orphan","object":"response","created_at":1,"status":"in_progress","completed_at":null,"error":null,"incomplete_details":null,
             "instructions":null,"max_output_tokens":null,"model":"scripted","output":[],"parallel_tool_calls":true,"previous_response_id":null,
             "store":true,"temperature":1,"tool_choice":"auto","tools":[],"top_p":1,"truncation":"disabled","usage":null,"metadata":{}}
            """);
        await store.SaveAsync(new GAgent.Responses.StoredResponse { Id = "resp_orphan", Status = "in_progress", CreatedAt = DateTimeOffset.UnixEpoch, Response = document.RootElement });

        var response = await GetJsonAsync(host, "/v1/responses/resp_orphan");

        Assert.Equal("failed", response.GetProperty("status").GetString());
        Assert.Equal("server_error", response.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("failed", (await store.GetAsync("resp_orphan"))!.Status);
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Fail([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException("The model broke.");
#pragma warning disable CS0162 // An iterator needs a yield to be one.
        yield break;
#pragma warning restore CS0162
    }
}
