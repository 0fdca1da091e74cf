using System.Net;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A host whose scripted model calls <c>delete_file</c> (a tool that needs approval) for every user message and, once
/// the tool answered, says what the tool said.
/// </summary>
public sealed class ApprovalHost : IAsyncDisposable
{
    private int _deleted;

    private ApprovalHost()
    {
    }

    public GAgentTestHost Host { get; private set; } = null!;

    public int Deleted => Volatile.Read(ref _deleted);

    /// <param name="answerUserMessages">User messages the model answers in text instead of calling the tool.</param>
    public static async Task<ApprovalHost> StartAsync(IDictionary<string, string?>? settings = null, Func<string, bool>? answerUserMessages = null)
    {
        var fixture = new ApprovalHost();
        var model = new ScriptedChatClient((messages, _, ct) =>
        {
            var last = messages[^1];
            if (last.Role == ChatRole.Tool)
            {
                var result = last.Contents.OfType<FunctionResultContent>().Last();
                var text = result.Result is JsonElement json && json.ValueKind == JsonValueKind.String ? json.GetString() : result.Result?.ToString();
                return ScriptedChatClient.Respond([new TextContent("The tool said: " + text)], ChatFinishReason.Stop, ct);
            }

            return answerUserMessages?.Invoke(last.Text) == true
                ? ScriptedChatClient.Respond([new TextContent("Here is a joke.")], ChatFinishReason.Stop, ct)
                : ScriptedChatClient.Respond([new FunctionCallContent("call_" + Guid.NewGuid().ToString("N"), "delete_file", new Dictionary<string, object?> { ["path"] = "/tmp/report.txt" })], ChatFinishReason.ToolCalls, ct);
        });
        fixture.Host = await GAgentTestHost.StartAsync(
            g => g.AddChatClient("scripted", model).AddTool(new ApprovalRequiredAIFunction(AIFunctionFactory.Create(
                (string path) =>
                {
                    Interlocked.Increment(ref fixture._deleted);
                    return "deleted " + path;
                },
                "delete_file",
                "Deletes a file."))),
            settings);
        return fixture;
    }

    /// <summary>Sends a user message in a session (created when missing) and reads the run's whole event stream.</summary>
    public async Task<List<JsonElement>> SendAsync(string sessionId, string content)
    {
        using (var session = await Host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions", JsonSerializer.Serialize(new { id = sessionId }))))
        {
            Assert.True(session.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        }

        using var response = await Host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/sessions/{sessionId}/messages", JsonSerializer.Serialize(new { content })), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return SseEvents.Json(await SseEvents.ReadAllAsync(response));
    }

    /// <summary>A run's whole event stream.</summary>
    public async Task<List<JsonElement>> EventsAsync(string runId)
    {
        using var response = await Host.Client.GetAsync($"/api/runs/{runId}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return SseEvents.Json(await SseEvents.ReadAllAsync(response));
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
