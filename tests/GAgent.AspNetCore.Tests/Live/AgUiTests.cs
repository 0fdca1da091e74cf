using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Live;

public sealed class AgUiTests
{
    [Fact]
    public async Task An_AG_UI_run_creates_the_thread_streams_RUN_STARTED_to_RUN_FINISHED_and_persists()
    {
        await using var host = await GAgentTestHost.StartAsync();

        var first = await RunAsync(host, """{"threadId":"thread-1","runId":"client-run-1","state":{},"messages":[{"id":"u1","role":"user","content":"What is 2+3?"}],"tools":[],"context":[],"forwardedProps":{}}""");
        Assert.Equal("RUN_STARTED", first[0].Type());
        Assert.Equal("RUN_FINISHED", first[^1].Type());
        Assert.All(first, e => Assert.Equal("thread-1", e.GetProperty("threadId").GetString()));
        Assert.Contains(first, e => e.Type() == "TOOL_CALL_RESULT");

        var stored = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/thread-1/messages");
        var items = stored.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "tool", "assistant"], items.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("u1", items[0].GetProperty("id").GetString());

        // The client resends the whole thread: only the messages after the last stored one are new input.
        var answerId = first.Last(e => e.Type() == "TEXT_MESSAGE_START").GetProperty("messageId").GetString();
        var answer = string.Concat(first.Where(e => e.Type() == "TEXT_MESSAGE_CONTENT" && e.GetProperty("messageId").GetString() == answerId).Select(e => e.GetProperty("delta").GetString()));
        var second = await RunAsync(host, $$"""
            {"threadId":"thread-1","messages":[
              {"id":"sys","role":"system","content":"Be brief."},
              {"id":"u1","role":"user","content":"What is 2+3?"},
              {"id":"{{answerId}}","role":"assistant","content":{{JsonSerializer.Serialize(answer)}}},
              {"id":"u2","role":"user","content":"Hello again"}]}
            """);
        Assert.Equal("RUN_FINISHED", second[^1].Type());
        stored = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/thread-1/messages");
        items = [.. stored.GetProperty("items").EnumerateArray()];
        Assert.Equal(6, items.Count);
        Assert.Equal("u2", items[4].GetProperty("id").GetString());
        Assert.DoesNotContain(items, m => m.GetProperty("role").GetString() == "system");
    }

    [Fact]
    public async Task Client_tools_come_back_as_client_side_tool_calls_and_their_results_continue_the_thread()
    {
        var model = new ScriptedChatClient((messages, _, ct) => messages.Any(m => m.Role == ChatRole.Tool)
            ? ScriptedChatClient.Respond([new TextContent("It is sunny in Paris.")], ChatFinishReason.Stop, ct)
            : ScriptedChatClient.Respond([new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })], ChatFinishReason.ToolCalls, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", model));
        const string Tools = """[{"name":"get_weather","description":"Weather for a city","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}]""";

        var first = await RunAsync(host, $$"""{"threadId":"tools","messages":[{"id":"u1","role":"user","content":"Weather in Paris?"}],"tools":{{Tools}}}""");
        var start = first.Single(e => e.Type() == "TOOL_CALL_START");
        Assert.Equal("get_weather", start.GetProperty("toolCallName").GetString());
        Assert.True(start.GetProperty("clientSide").GetBoolean());
        Assert.Contains(first, e => e.Type() == "TOOL_CALL_ARGS" && e.GetProperty("delta").GetString()!.Contains("Paris", StringComparison.Ordinal));
        Assert.DoesNotContain(first, e => e.Type() == "TOOL_CALL_RESULT");
        Assert.Equal("RUN_FINISHED", first[^1].Type());
        Assert.Equal("get_weather", model.Calls[0].Options!.Tools!.Single().Name);

        var parent = start.GetProperty("parentMessageId").GetString();
        var second = await RunAsync(host, $$$"""
            {"threadId":"tools","tools":{{{Tools}}},"messages":[
              {"id":"u1","role":"user","content":"Weather in Paris?"},
              {"id":"{{{parent}}}","role":"assistant","toolCalls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
              {"id":"t1","role":"tool","toolCallId":"call_1","content":"sunny, 21 C"}]}
            """);
        Assert.Equal("RUN_FINISHED", second[^1].Type());
        var result = model.Calls[1].Messages.Single(m => m.Role == ChatRole.Tool).Contents.OfType<FunctionResultContent>().Single();
        Assert.Equal("call_1", result.CallId);
        Assert.Contains(model.Calls[1].Messages, m => m.Role == ChatRole.Assistant && m.Contents.OfType<FunctionCallContent>().Any(c => c.CallId == "call_1"));
        var stored = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/tools/messages");
        Assert.Equal(["user", "assistant", "tool", "assistant"], stored.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Invalid_AG_UI_input_is_a_400_naming_the_field()
    {
        await using var host = await GAgentTestHost.StartAsync();

        using var noThread = await host.Client.PostAsync("/api/agui", JsonContent("""{"messages":[{"id":"u1","role":"user","content":"hi"}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, noThread.StatusCode);
        Assert.Equal("threadId", (await noThread.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("param").GetString());

        using var badRole = await host.Client.PostAsync("/api/agui", JsonContent("""{"threadId":"t","messages":[{"id":"u1","role":"robot","content":"hi"}]}"""));
        Assert.Equal("messages[0].role", (await badRole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("param").GetString());

        using var nothingNew = await host.Client.PostAsync("/api/agui", JsonContent("""{"threadId":"t","messages":[]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, nothingNew.StatusCode);
        Assert.Equal("no_new_messages", (await nothingNew.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task<List<JsonElement>> RunAsync(GAgentTestHost host, string body)
    {
        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/agui", body), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return SseEvents.Json(await SseEvents.ReadAllAsync(response));
    }
}
