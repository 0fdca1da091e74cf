using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.Tests.Api;

public sealed class ApprovalsApiTests
{
    [Fact]
    public async Task A_tool_that_needs_approval_pauses_the_run_is_approved_over_REST_and_the_run_finishes()
    {
        await using var fixture = await ApprovalHost.StartAsync();
        var client = fixture.Host.Client;

        var paused = await fixture.SendAsync("s1", "Delete the report.");
        Assert.Equal("RUN_FINISHED", paused[^1].Type());
        Assert.Equal("interrupt", paused[^1].GetProperty("outcome").GetString());
        var interrupt = Assert.Single(paused[^1].GetProperty("interrupts").EnumerateArray().ToList());
        Assert.Equal("approval_required", interrupt.GetProperty("reason").GetString());
        var approvalId = interrupt.GetProperty("id").GetString()!;
        var requested = paused.Single(e => e.Type() == "CUSTOM" && e.GetProperty("name").GetString() == "gagent.approval.requested").GetProperty("value");
        Assert.Equal(approvalId, requested.GetProperty("id").GetString());
        Assert.Equal(interrupt.GetProperty("toolCallId").GetString(), requested.GetProperty("callId").GetString());
        Assert.Equal(0, fixture.Deleted);

        var pending = await client.GetFromJsonAsync<JsonElement>("/api/approvals?status=pending&sessionId=s1");
        var listed = Assert.Single(pending.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(approvalId, listed.GetProperty("id").GetString());
        Assert.Equal("delete_file", listed.GetProperty("toolName").GetString());
        Assert.Equal("/tmp/report.txt", listed.GetProperty("arguments").GetProperty("path").GetString());
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/approvals/{approvalId}");
        Assert.Equal("pending", detail.GetProperty("status").GetString());
        Assert.Equal(paused[0].GetProperty("runId").GetString(), detail.GetProperty("runId").GetString());

        using var approve = await client.PostAsJsonAsync($"/api/approvals/{approvalId}/approve", new { scope = "once" });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var approved = await approve.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("approve", approved.GetProperty("decision").GetString());
        Assert.Equal("once", approved.GetProperty("scope").GetString());
        Assert.True(approved.TryGetProperty("decidedAt", out _));
        var runId = approved.GetProperty("continuationRunId").GetString()!;

        var continued = await fixture.EventsAsync(runId);
        Assert.Equal("RUN_STARTED", continued[0].Type());
        var result = continued.Single(e => e.Type() == "TOOL_CALL_RESULT");
        Assert.Equal(interrupt.GetProperty("toolCallId").GetString(), result.GetProperty("toolCallId").GetString());
        Assert.Equal("deleted /tmp/report.txt", result.GetProperty("content").GetString());
        Assert.Equal("success", continued[^1].GetProperty("outcome").GetString());
        Assert.Equal(1, fixture.Deleted);

        var messages = await client.GetFromJsonAsync<JsonElement>("/api/sessions/s1/messages");
        Assert.Equal(["user", "assistant", "tool", "assistant"], messages.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("The tool said: deleted /tmp/report.txt", messages.GetProperty("items")[3].GetProperty("text").GetString());

        using var twice = await client.PostAsJsonAsync($"/api/approvals/{approvalId}/approve", new { scope = "once" });
        await AssertProblemAsync(twice, HttpStatusCode.Conflict, "approval_already_decided");
        using var denyAfter = await client.PostAsync($"/api/approvals/{approvalId}/deny", null);
        await AssertProblemAsync(denyAfter, HttpStatusCode.Conflict, "approval_already_decided");
        var decided = await client.GetFromJsonAsync<JsonElement>("/api/approvals?status=approved");
        Assert.Equal(runId, Assert.Single(decided.GetProperty("items").EnumerateArray().ToList()).GetProperty("continuationRunId").GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/approvals?status=pending")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_denial_becomes_the_tool_result_and_the_model_answers()
    {
        await using var fixture = await ApprovalHost.StartAsync();
        var approvalId = ApprovalId(await fixture.SendAsync("s1", "Delete the report."));

        using var deny = await fixture.Host.Client.PostAsJsonAsync($"/api/approvals/{approvalId}/deny", new { reason = "Keep it." });

        Assert.Equal(HttpStatusCode.OK, deny.StatusCode);
        var denied = await deny.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("denied", denied.GetProperty("status").GetString());
        Assert.Equal("deny", denied.GetProperty("decision").GetString());
        Assert.Equal("Keep it.", denied.GetProperty("reason").GetString());
        Assert.False(denied.TryGetProperty("scope", out _));
        var continued = await fixture.EventsAsync(denied.GetProperty("continuationRunId").GetString()!);
        var result = continued.Single(e => e.Type() == "TOOL_CALL_RESULT");
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Contains("Keep it.", result.GetProperty("content").GetString(), StringComparison.Ordinal);
        var answer = string.Concat(continued.Where(e => e.Type() == "TEXT_MESSAGE_CONTENT").Select(e => e.GetProperty("delta").GetString()));
        Assert.StartsWith("The tool said: Error: the owner denied", answer, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Deleted);
    }

    [Fact]
    public async Task Bad_inputs_get_clear_errors()
    {
        await using var fixture = await ApprovalHost.StartAsync();
        var client = fixture.Host.Client;
        var approvalId = ApprovalId(await fixture.SendAsync("s1", "Delete the report."));
        var unknown = "apv_" + Guid.CreateVersion7().ToString("N");

        using (var response = await client.PostAsync($"/api/approvals/{unknown}/approve", null))
        {
            await AssertProblemAsync(response, HttpStatusCode.NotFound, "approval_not_found");
        }

        using (var response = await client.GetAsync($"/api/approvals/{unknown}"))
        {
            await AssertProblemAsync(response, HttpStatusCode.NotFound, "approval_not_found");
        }

        foreach (var bad in new[] { "..%2F..%2Fsessions%2Fs1", "apv_..%5C..%5Cx", "apv_" + new string('Z', 32), "..." })
        {
            using var response = await client.PostAsync($"/api/approvals/{bad}/approve", null);
            var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
            Assert.Equal("id", problem.GetProperty("param").GetString());
        }

        using (var response = await client.PostAsJsonAsync($"/api/approvals/{approvalId}/approve", new { scope = "forever" }))
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
            Assert.Equal("scope", problem.GetProperty("param").GetString());
        }

        using (var response = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/approvals/{approvalId}/approve", "{\"scope\":")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using (var response = await client.PostAsJsonAsync($"/api/approvals/{approvalId}/deny", new { reason = new string('x', 2001) }))
        {
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        }

        using (var response = await client.GetAsync("/api/approvals?status=maybe"))
        {
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        }

        using (var response = await client.GetAsync("/api/approvals?limit=0"))
        {
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        }

        using (var response = await client.GetAsync("/api/approvals?after=..%2Fx"))
        {
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        }

        // None of that touched the approval.
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/approvals/{approvalId}");
        Assert.Equal("pending", detail.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Two_concurrent_approvals_get_one_200_and_one_409()
    {
        await using var fixture = await ApprovalHost.StartAsync();
        var approvalId = ApprovalId(await fixture.SendAsync("s1", "Delete the report."));

        var responses = await Task.WhenAll(
            fixture.Host.Client.PostAsync($"/api/approvals/{approvalId}/approve", null),
            fixture.Host.Client.PostAsync($"/api/approvals/{approvalId}/deny", null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(static r => r.StatusCode).Order());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_session_grant_skips_approval_next_time_until_it_is_revoked()
    {
        await using var fixture = await ApprovalHost.StartAsync();
        var client = fixture.Host.Client;
        var approvalId = ApprovalId(await fixture.SendAsync("s1", "Delete the report."));
        using var approve = await client.PostAsJsonAsync($"/api/approvals/{approvalId}/approve", new { scope = "session" });
        await fixture.EventsAsync((await approve.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("continuationRunId").GetString()!);

        var grants = await client.GetFromJsonAsync<JsonElement>("/api/approvals/grants");
        var grant = Assert.Single(grants.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal("delete_file", grant.GetProperty("toolName").GetString());
        Assert.Equal("session", grant.GetProperty("scope").GetString());
        Assert.Equal("s1", grant.GetProperty("sessionId").GetString());
        Assert.Equal(approvalId, grant.GetProperty("approvalId").GetString());

        var again = await fixture.SendAsync("s1", "Delete it again.");
        Assert.Equal("success", again[^1].GetProperty("outcome").GetString());
        Assert.Contains(again, e => e.Type() == "TOOL_CALL_RESULT");
        Assert.Equal(2, fixture.Deleted);
        Assert.Equal("interrupt", (await fixture.SendAsync("s2", "Delete.")).Last().GetProperty("outcome").GetString());

        var grantId = grant.GetProperty("id").GetString();
        using (var revoke = await client.DeleteAsync($"/api/approvals/grants/{grantId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using (var revokeAgain = await client.DeleteAsync($"/api/approvals/grants/{grantId}"))
        {
            await AssertProblemAsync(revokeAgain, HttpStatusCode.NotFound, "grant_not_found");
        }

        using (var badGrant = await client.DeleteAsync("/api/approvals/grants/..%2F..%2Fx"))
        {
            await AssertProblemAsync(badGrant, HttpStatusCode.BadRequest, "invalid_request");
        }

        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/approvals/grants")).GetProperty("items").EnumerateArray());
        Assert.Equal("interrupt", (await fixture.SendAsync("s1", "And once more.")).Last().GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Listing_needs_chat_and_deciding_needs_admin()
    {
        const string ChatKey = "chat-key-0123456789abcdef0123456789abcdef";
        const string AdminKey = "admin-key-0123456789abcdef0123456789abcdef";
        await using var fixture = await ApprovalHost.StartAsync(new Dictionary<string, string?>
        {
            ["GAgent:ApiKeys:0:Key"] = ChatKey,
            ["GAgent:ApiKeys:0:Scopes:0"] = "chat",
            ["GAgent:ApiKeys:1:Key"] = AdminKey,
        });
        var client = fixture.Host.Client;
        using (var created = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions", """{"id":"s1"}""", AdminKey)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var send = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/s1/messages", """{"content":"Delete."}""", ChatKey), HttpCompletionOption.ResponseHeadersRead);
        var approvalId = ApprovalId(SseEvents.Json(await SseEvents.ReadAllAsync(send)));

        using (var list = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, "/api/approvals", bearer: ChatKey)))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        using (var approve = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/approvals/{approvalId}/approve", bearer: ChatKey)))
        {
            await AssertProblemAsync(approve, HttpStatusCode.Forbidden, "insufficient_scope");
        }

        using (var revoke = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Delete, $"/api/approvals/grants/grt_{Guid.CreateVersion7():N}", bearer: ChatKey)))
        {
            await AssertProblemAsync(revoke, HttpStatusCode.Forbidden, "insufficient_scope");
        }

        using (var approve = await client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, $"/api/approvals/{approvalId}/approve", bearer: AdminKey)))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }
    }

    [Fact]
    public async Task A_new_message_expires_the_pending_approval_and_the_thread_goes_on()
    {
        await using var fixture = await ApprovalHost.StartAsync(answerUserMessages: text => text.Contains("joke", StringComparison.Ordinal));
        var approvalId = ApprovalId(await fixture.SendAsync("s1", "Delete the report."));

        var next = await fixture.SendAsync("s1", "Never mind, a joke please.");

        Assert.Equal("success", next[^1].GetProperty("outcome").GetString());
        var approval = await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/api/approvals/{approvalId}");
        Assert.Equal("expired", approval.GetProperty("status").GetString());
        Assert.Contains("Superseded", approval.GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var approve = await fixture.Host.Client.PostAsync($"/api/approvals/{approvalId}/approve", null);
        await AssertProblemAsync(approve, HttpStatusCode.Conflict, "approval_already_decided");
        var messages = await fixture.Host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/s1/messages");
        Assert.Equal(["user", "assistant", "tool", "user", "assistant"], messages.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Chat_completions_explain_a_paused_run_and_leave_the_approval_pending()
    {
        await using var fixture = await ApprovalHost.StartAsync();
        var chat = fixture.Host.CreateOpenAIClient().GetChatClient("scripted");

        var completion = await chat.CompleteChatAsync([global::OpenAI.Chat.ChatMessage.CreateUserMessage("Delete the report.")]);

        Assert.Equal(global::OpenAI.Chat.ChatFinishReason.Stop, completion.Value.FinishReason);
        var text = completion.Value.Content[0].Text;
        Assert.Contains("waits for the owner's approval", text, StringComparison.Ordinal);
        var pending = await fixture.Host.Client.GetFromJsonAsync<JsonElement>("/api/approvals?status=pending");
        var approval = Assert.Single(pending.GetProperty("items").EnumerateArray().ToList());
        Assert.Contains(approval.GetProperty("id").GetString()!, text, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Deleted);
    }

    [Fact]
    public async Task Streamed_chat_completions_and_responses_carry_the_notice_too()
    {
        await using var fixture = await ApprovalHost.StartAsync();

        using var chat = await fixture.Host.Client.SendAsync(
            GAgentTestHost.Request(HttpMethod.Post, "/v1/chat/completions", """{"model":"scripted","stream":true,"messages":[{"role":"user","content":"Delete the report."}]}"""),
            HttpCompletionOption.ResponseHeadersRead);
        var chunks = (await SseEvents.ReadAllAsync(chat)).Select(static i => i.Data).Where(static d => d != "[DONE]").Select(static d => JsonDocument.Parse(d).RootElement.Clone()).ToList();
        var text = string.Concat(chunks.SelectMany(static c => c.GetProperty("choices").EnumerateArray())
            .Select(static c => c.GetProperty("delta").TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString() : null));
        Assert.Contains("waits for the owner's approval", text, StringComparison.Ordinal);
        Assert.Equal("stop", chunks.SelectMany(static c => c.GetProperty("choices").EnumerateArray()).Last().GetProperty("finish_reason").GetString());

        using var responses = await fixture.Host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/v1/responses", """{"model":"scripted","input":"Delete the report."}"""));
        Assert.Equal(HttpStatusCode.OK, responses.StatusCode);
        var response = await responses.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("incomplete", response.GetProperty("status").GetString());
        var output = response.GetProperty("output").EnumerateArray().Where(static o => o.GetProperty("type").GetString() == "message").ToList();
        Assert.Contains("waits for the owner's approval", Assert.Single(output).GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        Assert.Equal(2, (await fixture.Host.Client.GetFromJsonAsync<JsonElement>("/api/approvals?status=pending")).GetProperty("items").GetArrayLength());
        Assert.Equal(0, fixture.Deleted);
    }

    internal static string ApprovalId(List<JsonElement> events)
        => Assert.Single(events[^1].GetProperty("interrupts").EnumerateArray().ToList()).GetProperty("id").GetString()!;

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
