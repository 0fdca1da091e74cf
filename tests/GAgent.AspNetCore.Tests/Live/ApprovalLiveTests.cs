using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Api;
using GAgent.AspNetCore.Tests.Infrastructure;

namespace GAgent.AspNetCore.Tests.Live;

public sealed class ApprovalLiveTests
{
    [Fact]
    public async Task AG_UI_ends_the_run_with_an_interrupt_and_resume_streams_the_continuation()
    {
        await using var fixture = await ApprovalHost.StartAsync();

        var paused = await AgUiAsync(fixture.Host, """{"threadId":"t1","messages":[{"id":"u1","role":"user","content":"Delete the report."}]}""");
        Assert.Equal("RUN_FINISHED", paused[^1].Type());
        Assert.Equal("interrupt", paused[^1].GetProperty("outcome").GetString());
        var interrupt = Assert.Single(paused[^1].GetProperty("interrupts").EnumerateArray().ToList());
        var approvalId = interrupt.GetProperty("id").GetString();
        Assert.Equal("approval_required", interrupt.GetProperty("reason").GetString());

        var resumed = await AgUiAsync(fixture.Host, $$$"""{"threadId":"t1","messages":[],"resume":[{"interruptId":"{{{approvalId}}}","status":"resolved","payload":{"decision":"approve","scope":"once"}}]}""");

        Assert.Equal("RUN_STARTED", resumed[0].Type());
        Assert.NotEqual(paused[0].GetProperty("runId").GetString(), resumed[0].GetProperty("runId").GetString());
        var result = resumed.Single(e => e.Type() == "TOOL_CALL_RESULT");
        Assert.Equal(interrupt.GetProperty("toolCallId").GetString(), result.GetProperty("toolCallId").GetString());
        Assert.Equal("success", resumed[^1].GetProperty("outcome").GetString());
        Assert.Equal(1, fixture.Deleted);
        var approval = await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/api/approvals/{approvalId}");
        Assert.Equal("approved", approval.GetProperty("status").GetString());
        Assert.Equal(resumed[0].GetProperty("runId").GetString(), approval.GetProperty("continuationRunId").GetString());
    }

    [Fact]
    public async Task AG_UI_cancelled_resume_entries_deny_and_bad_ones_are_refused()
    {
        await using var fixture = await ApprovalHost.StartAsync();
        var paused = await AgUiAsync(fixture.Host, """{"threadId":"t1","messages":[{"id":"u1","role":"user","content":"Delete the report."}]}""");
        var approvalId = ApprovalsApiTests.ApprovalId(paused);

        await AssertRefusedAsync(fixture.Host, $$$"""{"threadId":"t1","resume":[{"interruptId":"apv_{{{Guid.CreateVersion7():N}}}","status":"resolved","payload":{"decision":"approve"}}]}""", HttpStatusCode.NotFound, "resume[0].interruptId");
        await AssertRefusedAsync(fixture.Host, """{"threadId":"t1","resume":[{"interruptId":"../../etc/passwd","status":"resolved","payload":{"decision":"approve"}}]}""", HttpStatusCode.BadRequest, "resume[0].interruptId");
        await AssertRefusedAsync(fixture.Host, $$$"""{"threadId":"t1","resume":[{"interruptId":"{{{approvalId}}}","status":"resolved","payload":{"decision":"maybe"}}]}""", HttpStatusCode.BadRequest, "resume[0].payload.decision");
        await AssertRefusedAsync(fixture.Host, $$$"""{"threadId":"t1","resume":[{"interruptId":"{{{approvalId}}}","status":"resolved","payload":{"decision":"approve","scope":"forever"}}]}""", HttpStatusCode.BadRequest, "resume[0].payload.scope");
        await AssertRefusedAsync(fixture.Host, $$"""{"threadId":"t1","resume":[{"interruptId":"{{approvalId}}","status":"resolved"}]}""", HttpStatusCode.BadRequest, "resume[0].payload");
        await AssertRefusedAsync(fixture.Host, $$"""{"threadId":"t1","resume":[{"interruptId":"{{approvalId}}","status":"later"}]}""", HttpStatusCode.BadRequest, "resume[0].status");
        await AssertRefusedAsync(fixture.Host, $$"""{"threadId":"other","resume":[{"interruptId":"{{approvalId}}","status":"cancelled"}]}""", HttpStatusCode.NotFound, "resume[0].interruptId");

        var resumed = await AgUiAsync(fixture.Host, $$"""{"threadId":"t1","resume":[{"interruptId":"{{approvalId}}","status":"cancelled"}]}""");
        Assert.True(resumed.Single(e => e.Type() == "TOOL_CALL_RESULT").GetProperty("isError").GetBoolean());
        Assert.Equal(0, fixture.Deleted);

        await AssertRefusedAsync(fixture.Host, $$"""{"threadId":"t1","resume":[{"interruptId":"{{approvalId}}","status":"cancelled"}]}""", HttpStatusCode.Conflict, "resume[0].interruptId");
    }

    [Fact]
    public async Task A_WebSocket_client_sees_the_request_approves_and_follows_the_continuation()
    {
        await using var fixture = await ApprovalHost.StartAsync();
        using (await fixture.Host.Client.PostAsJsonAsync("/api/sessions", new { id = "ws1" }))
        {
        }

        await using var socket = await LiveSocket.ConnectAsync(fixture.Host);
        await socket.SendAsync("""{"type":"message","sessionId":"ws1","content":"Delete the report."}""");
        var paused = await socket.ReceiveUntilAsync(m => m.Type() == "RUN_FINISHED");
        Assert.Contains(paused, m => m.Type() == "CUSTOM" && m.GetProperty("name").GetString() == "gagent.approval.requested");
        var approvalId = Assert.Single(paused[^1].GetProperty("interrupts").EnumerateArray().ToList()).GetProperty("id").GetString();

        await socket.SendAsync("""{"type":"approval","id":"apv_00000000000000000000000000000000","decision":"approve","clientRequestId":"unknown"}""");
        await AssertErrorAsync(socket, "unknown", "approval_not_found");
        await socket.SendAsync("""{"type":"approval","id":"../../x","decision":"approve","clientRequestId":"traversal"}""");
        await AssertErrorAsync(socket, "traversal", "invalid_request");
        await socket.SendAsync($$"""{"type":"approval","id":"{{approvalId}}","decision":"approve","scope":"forever","clientRequestId":"scope"}""");
        await AssertErrorAsync(socket, "scope", "invalid_request");
        await socket.SendAsync($$"""{"type":"approval","id":"{{approvalId}}","decision":"perhaps","clientRequestId":"decision"}""");
        await AssertErrorAsync(socket, "decision", "invalid_request");

        await socket.SendAsync($$"""{"type":"approval","id":"{{approvalId}}","decision":"approve","scope":"once","clientRequestId":"yes"}""");
        // The continuation starts before the ack is sent, so a quick one can finish first (the protocol says so).
        var (acked, finished) = (false, false);
        var continued = await socket.ReceiveUntilAsync(m =>
        {
            acked |= m.Type() == "ack";
            finished |= m.Type() == "RUN_FINISHED";
            return acked && finished;
        });

        var resolved = continued.Single(m => m.Type() == "CUSTOM" && m.GetProperty("name").GetString() == "gagent.approval.resolved");
        Assert.Equal(approvalId, resolved.GetProperty("value").GetProperty("id").GetString());
        Assert.Equal("approved", resolved.GetProperty("value").GetProperty("status").GetString());
        Assert.Equal("ws1", resolved.GetProperty("sessionId").GetString());
        var ack = continued.Single(m => m.Type() == "ack");
        Assert.Equal("yes", ack.GetProperty("clientRequestId").GetString());
        Assert.Equal("approved", ack.GetProperty("status").GetString());
        var runId = ack.GetProperty("runId").GetString();
        var events = continued.Where(m => m.TryGetProperty("sequence", out _)).ToList();
        Assert.All(events, e => Assert.Equal(runId, e.GetProperty("runId").GetString()));
        Assert.Equal("deleted /tmp/report.txt", events.Single(e => e.Type() == "TOOL_CALL_RESULT").GetProperty("content").GetString());
        Assert.Equal("success", events[^1].GetProperty("outcome").GetString());

        await socket.SendAsync($$"""{"type":"approval","id":"{{approvalId}}","decision":"deny","clientRequestId":"again"}""");
        await AssertErrorAsync(socket, "again", "approval_already_decided");
    }

    private static async Task AssertErrorAsync(LiveSocket socket, string clientRequestId, string code)
    {
        var messages = await socket.ReceiveUntilAsync(m => m.Type() == "error");
        Assert.Equal(clientRequestId, messages[^1].GetProperty("clientRequestId").GetString());
        Assert.Equal(code, messages[^1].GetProperty("code").GetString());
    }

    private static async Task AssertRefusedAsync(GAgentTestHost host, string body, HttpStatusCode status, string param)
    {
        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/agui", body));
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(param, problem.GetProperty("param").GetString());
    }

    private static async Task<List<JsonElement>> AgUiAsync(GAgentTestHost host, string body)
    {
        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/agui", body), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return SseEvents.Json(await SseEvents.ReadAllAsync(response));
    }
}
