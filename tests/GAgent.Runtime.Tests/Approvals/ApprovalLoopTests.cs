using GAgent.Approvals;
using GAgent.Events;
using GAgent.Runs;
using GAgent.Runtime.Tests.Agent;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Approvals;

public sealed class ApprovalLoopTests
{
    private static readonly Dictionary<string, object?> DeleteArgs = new() { ["path"] = "/tmp/report.txt" };

    [Fact]
    public async Task A_tool_that_needs_approval_pauses_the_run_without_running()
    {
        var deleted = 0;
        await using var runtime = Runtime(() => Interlocked.Increment(ref deleted));
        runtime.Client.Enqueue([Updates.Text("Deleting."), .. Updates.CallTool("call_d1", "delete_file", DeleteArgs)]);
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("Delete the report.", sessionId);

        EventAssert.WellFormed(events, run.Id);
        Assert.Equal(0, deleted);
        Assert.Empty(events.OfType<ToolCallResultEvent>());
        var requested = Assert.Single(events.OfType<CustomEvent>(), static e => e.Name == GAgentEventNames.ApprovalRequested);
        var finished = EventAssert.Last<RunFinishedEvent>(events);
        Assert.Equal(RunOutcome.Interrupt, finished.Outcome);
        var interrupt = Assert.Single(finished.Interrupts);
        Assert.Equal(RunInterruptReasons.ApprovalRequired, interrupt.Reason);
        Assert.Equal("call_d1", interrupt.ToolCallId);
        Assert.Equal(interrupt.Id, requested.Value.GetProperty("id").GetString());
        Assert.Equal("pending", requested.Value.GetProperty("status").GetString());
        Assert.Equal("delete_file", requested.Value.GetProperty("toolName").GetString());
        Assert.Equal("/tmp/report.txt", requested.Value.GetProperty("arguments").GetProperty("path").GetString());
        Assert.Equal(run.Id, requested.Value.GetProperty("runId").GetString());
        Assert.Equal(sessionId, requested.Value.GetProperty("sessionId").GetString());
        Assert.Equal(AgentRunStatus.Completed, run.Status);

        var approval = await runtime.Services.GetRequiredService<IApprovalStore>().GetAsync(interrupt.Id);
        Assert.Equal(ApprovalStatus.Pending, approval!.Status);
        Assert.Equal("call_d1", approval.CallId);
        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal([ChatRole.User, ChatRole.Assistant], stored.Select(static m => m.Role));
        Assert.Equal("call_d1", Assert.Single(stored[1].Contents.OfType<FunctionCallContent>()).CallId);
    }

    [Fact]
    public async Task Approving_runs_the_tool_in_a_continuation_that_finishes_the_answer()
    {
        var deleted = 0;
        await using var runtime = Runtime(() => Interlocked.Increment(ref deleted));
        runtime.Client.Enqueue(Updates.CallTool("call_d1", "delete_file", DeleteArgs)).Enqueue(Updates.Answer("Deleted it."));
        var sessionId = await runtime.CreateSessionAsync();
        var (paused, pausedEvents) = await runtime.RunAsync("Delete the report.", sessionId);
        var approvalId = Assert.Single(EventAssert.Last<RunFinishedEvent>(pausedEvents).Interrupts).Id;

        var decided = await Service(runtime).DecideAsync(approvalId, approve: true, ApprovalScope.Once, null, CancellationToken.None);

        Assert.Equal(ApprovalStatus.Approved, decided.Status);
        Assert.Equal(ApprovalScope.Once, decided.Scope);
        Assert.NotNull(decided.DecidedAt);
        var continuation = runtime.Runner.GetRun(decided.ContinuationRunId!)!;
        Assert.NotEqual(paused.Id, continuation.Id);
        await continuation.EndAsync();
        var events = await TestRuntime.ReadAllAsync(continuation);
        EventAssert.WellFormed(events, continuation.Id);
        Assert.Equal(1, deleted);
        var result = EventAssert.Single<ToolCallResultEvent>(events);
        Assert.Equal("call_d1", result.ToolCallId);
        Assert.Equal("deleted /tmp/report.txt", result.Content);
        Assert.False(result.IsError);
        Assert.Equal(RunOutcome.Success, EventAssert.Last<RunFinishedEvent>(events).Outcome);
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool], runtime.Client.Calls[1].Messages.Select(static m => m.Role));
        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], stored.Select(static m => m.Role));
        Assert.Equal("Deleted it.", stored[^1].Text);
        Assert.Empty(await runtime.Services.GetRequiredService<IApprovalStore>().ListGrantsAsync());
    }

    [Fact]
    public async Task Denying_records_the_reason_as_the_tool_error_and_the_model_answers()
    {
        var deleted = 0;
        await using var runtime = Runtime(() => Interlocked.Increment(ref deleted));
        runtime.Client.Enqueue(Updates.CallTool("call_d1", "delete_file", DeleteArgs)).Enqueue(Updates.Answer("Understood, I will keep it."));
        var sessionId = await runtime.CreateSessionAsync();
        var (_, pausedEvents) = await runtime.RunAsync("Delete the report.", sessionId);
        var approvalId = Assert.Single(EventAssert.Last<RunFinishedEvent>(pausedEvents).Interrupts).Id;

        var decided = await Service(runtime).DecideAsync(approvalId, approve: false, ApprovalScope.Always, "It is still needed.", CancellationToken.None);

        Assert.Equal(ApprovalStatus.Denied, decided.Status);
        Assert.Null(decided.Scope);
        var continuation = runtime.Runner.GetRun(decided.ContinuationRunId!)!;
        await continuation.EndAsync();
        var result = EventAssert.Single<ToolCallResultEvent>(await TestRuntime.ReadAllAsync(continuation));
        Assert.True(result.IsError);
        Assert.Contains("denied", result.Content, StringComparison.Ordinal);
        Assert.Contains("It is still needed.", result.Content, StringComparison.Ordinal);
        Assert.Equal(0, deleted);
        var sent = Assert.Single(runtime.Client.Calls[1].Messages[^1].Contents.OfType<FunctionResultContent>());
        Assert.Equal("call_d1", sent.CallId);
        Assert.Empty(await runtime.Services.GetRequiredService<IApprovalStore>().ListGrantsAsync());
    }

    [Fact]
    public async Task Calls_that_need_no_approval_run_at_once_and_the_continuation_answers_the_rest()
    {
        await using var runtime = Runtime(() => { });
        runtime.Client
            .Enqueue(Updates.Call("call_t", "get_time"), Updates.Call("call_d", "delete_file", DeleteArgs), Updates.Finish(ChatFinishReason.ToolCalls))
            .Enqueue(Updates.Answer("Done."));
        var sessionId = await runtime.CreateSessionAsync();

        var (_, events) = await runtime.RunAsync("Time, then delete.", sessionId);

        Assert.Equal("call_t", EventAssert.Single<ToolCallResultEvent>(events).ToolCallId);
        var interrupt = Assert.Single(EventAssert.Last<RunFinishedEvent>(events).Interrupts);
        Assert.Equal("call_d", interrupt.ToolCallId);
        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool], stored.Select(static m => m.Role));

        var decided = await Service(runtime).DecideAsync(interrupt.Id, approve: true, ApprovalScope.Once, null, CancellationToken.None);
        await runtime.Runner.GetRun(decided.ContinuationRunId!)!.EndAsync();

        var answered = runtime.Client.Calls[1].Messages.SelectMany(static m => m.Contents).OfType<FunctionResultContent>().Select(static r => r.CallId);
        Assert.Equal(["call_t", "call_d"], answered);
    }

    [Fact]
    public async Task The_continuation_starts_only_when_every_approval_of_the_run_is_decided()
    {
        await using var runtime = Runtime(() => { });
        runtime.Client
            .Enqueue(Updates.Call("call_1", "delete_file", DeleteArgs), Updates.Call("call_2", "delete_file", new Dictionary<string, object?> { ["path"] = "/tmp/b" }), Updates.Finish(ChatFinishReason.ToolCalls))
            .Enqueue(Updates.Answer("One deleted, one kept."));
        var sessionId = await runtime.CreateSessionAsync();
        var (_, events) = await runtime.RunAsync("Delete both.", sessionId);
        var interrupts = EventAssert.Last<RunFinishedEvent>(events).Interrupts;
        Assert.Equal(2, interrupts.Count);

        var first = await Service(runtime).DecideAsync(interrupts[0].Id, approve: true, ApprovalScope.Once, null, CancellationToken.None);
        Assert.Null(first.ContinuationRunId);
        var second = await Service(runtime).DecideAsync(interrupts[1].Id, approve: false, ApprovalScope.Once, "Keep b.", CancellationToken.None);
        var continuation = runtime.Runner.GetRun(second.ContinuationRunId!)!;
        await continuation.EndAsync();

        var results = (await TestRuntime.ReadAllAsync(continuation)).OfType<ToolCallResultEvent>().ToList();
        Assert.Equal(["call_1", "call_2"], results.Select(static r => r.ToolCallId));
        Assert.Equal([false, true], results.Select(static r => r.IsError));
        Assert.Equal(second.ContinuationRunId, (await runtime.Services.GetRequiredService<IApprovalStore>().GetAsync(interrupts[0].Id))!.ContinuationRunId);
        await Assert.ThrowsAsync<ApprovalAlreadyDecidedException>(() => Service(runtime).DecideAsync(interrupts[0].Id, approve: true, ApprovalScope.Once, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_new_message_expires_pending_approvals_and_answers_their_calls()
    {
        var deleted = 0;
        await using var runtime = Runtime(() => Interlocked.Increment(ref deleted));
        var notifications = new List<GAgentNotification>();
        using var subscription = runtime.Services.GetRequiredService<IGAgentEventBus>().Subscribe(n =>
        {
            lock (notifications)
            {
                notifications.Add(n);
            }
        });
        runtime.Client.Enqueue(Updates.CallTool("call_d1", "delete_file", DeleteArgs)).Enqueue(Updates.Answer("Sure, something else."));
        var sessionId = await runtime.CreateSessionAsync();
        var (_, events) = await runtime.RunAsync("Delete the report.", sessionId);
        var approvalId = Assert.Single(EventAssert.Last<RunFinishedEvent>(events).Interrupts).Id;

        var (next, nextEvents) = await runtime.RunAsync("Never mind, tell me a joke.", sessionId);

        Assert.Equal(RunOutcome.Success, EventAssert.Last<RunFinishedEvent>(nextEvents).Outcome);
        var approval = await runtime.Services.GetRequiredService<IApprovalStore>().GetAsync(approvalId);
        Assert.Equal(ApprovalStatus.Expired, approval!.Status);
        Assert.Contains("Superseded", approval.Reason, StringComparison.Ordinal);
        Assert.Equal(0, deleted);
        var sent = runtime.Client.Calls[1].Messages;
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.User], sent.Select(static m => m.Role));
        Assert.Contains("expired", Assert.IsType<string>(Assert.Single(sent[3].Contents.OfType<FunctionResultContent>()).Result), StringComparison.Ordinal);
        var resolved = Assert.Single(notifications, static n => n.Name == GAgentEventNames.ApprovalResolved);
        Assert.Equal(sessionId, resolved.SessionId);
        Assert.Equal("expired", resolved.Value.GetProperty("status").GetString());
        await Assert.ThrowsAsync<ApprovalAlreadyDecidedException>(() => Service(runtime).DecideAsync(approvalId, approve: true, ApprovalScope.Once, null, CancellationToken.None));
        Assert.Equal(AgentRunStatus.Completed, next.Status);
    }

    [Fact]
    public async Task A_session_grant_skips_approval_in_that_session_only()
    {
        var deleted = 0;
        await using var runtime = Runtime(() => Interlocked.Increment(ref deleted));
        runtime.Client.Otherwise = call => call.Messages[^1].Role == ChatRole.User
            ? Updates.CallTool("call_" + Guid.NewGuid().ToString("N"), "delete_file", DeleteArgs)
            : Updates.Answer("Done.");
        var sessionId = await runtime.CreateSessionAsync();
        var (_, events) = await runtime.RunAsync("Delete.", sessionId);
        var decided = await Service(runtime).DecideAsync(Assert.Single(EventAssert.Last<RunFinishedEvent>(events).Interrupts).Id, approve: true, ApprovalScope.Session, null, CancellationToken.None);
        await runtime.Runner.GetRun(decided.ContinuationRunId!)!.EndAsync();

        var (_, again) = await runtime.RunAsync("Delete again.", sessionId);
        var (_, elsewhere) = await runtime.RunAsync("Delete.", await runtime.CreateSessionAsync());

        Assert.Equal(RunOutcome.Success, EventAssert.Last<RunFinishedEvent>(again).Outcome);
        Assert.Equal(2, deleted);
        Assert.Equal(RunOutcome.Interrupt, EventAssert.Last<RunFinishedEvent>(elsewhere).Outcome);
        var grant = Assert.Single(await runtime.Services.GetRequiredService<IApprovalStore>().ListGrantsAsync());
        Assert.Equal(ApprovalScope.Session, grant.Scope);
        Assert.Equal(sessionId, grant.SessionId);
        Assert.Equal(decided.Id, grant.ApprovalId);
    }

    [Fact]
    public async Task An_always_grant_skips_approval_everywhere_until_revoked()
    {
        await using var runtime = Runtime(() => { });
        runtime.Client.Otherwise = call => call.Messages[^1].Role == ChatRole.User
            ? Updates.CallTool("call_" + Guid.NewGuid().ToString("N"), "delete_file", DeleteArgs)
            : Updates.Answer("Done.");
        var (_, events) = await runtime.RunAsync("Delete.", await runtime.CreateSessionAsync());
        var decided = await Service(runtime).DecideAsync(Assert.Single(EventAssert.Last<RunFinishedEvent>(events).Interrupts).Id, approve: true, ApprovalScope.Always, null, CancellationToken.None);
        await runtime.Runner.GetRun(decided.ContinuationRunId!)!.EndAsync();

        var (_, other) = await runtime.RunAsync("Delete.", await runtime.CreateSessionAsync());
        Assert.Equal(RunOutcome.Success, EventAssert.Last<RunFinishedEvent>(other).Outcome);

        var store = runtime.Services.GetRequiredService<IApprovalStore>();
        Assert.True(await store.RemoveGrantAsync(Assert.Single(await store.ListGrantsAsync()).Id));
        var (_, revoked) = await runtime.RunAsync("Delete.", await runtime.CreateSessionAsync());
        Assert.Equal(RunOutcome.Interrupt, EventAssert.Last<RunFinishedEvent>(revoked).Outcome);
    }

    [Theory]
    [InlineData("get_time")]
    [InlineData("*")]
    public async Task Configuration_can_require_approval_for_named_or_all_tools(string listed)
    {
        await using var runtime = new TestRuntime(
            configure: o => o.Approvals.RequireApproval.Add(listed),
            build: b => b.AddTool(() => "12:00", "get_time", "Current time."));
        runtime.Client.Enqueue(Updates.CallTool("call_t", "get_time"));

        var (_, events) = await runtime.RunAsync("Time?", await runtime.CreateSessionAsync());

        Assert.Equal("call_t", Assert.Single(EventAssert.Last<RunFinishedEvent>(events).Interrupts).ToolCallId);
    }

    [Fact]
    public async Task A_profiles_tools_requiring_approval_ask_in_its_runs_only()
    {
        await using var runtime = new TestRuntime(build: b => b.AddTool(() => "12:00", "get_time", "Current time."));
        var profiles = runtime.Services.GetRequiredService<GAgent.Profiles.IProfileStore>();
        await profiles.PutAsync(new GAgent.Profiles.AgentProfile { Id = "careful", Name = "Careful", ToolsRequiringApproval = ["get_time"] });
        runtime.Client.Enqueue(Updates.CallTool("call_c", "get_time"));
        runtime.Client.Enqueue(Updates.CallTool("call_d", "get_time")).Enqueue(Updates.Answer("Noon."));

        var (_, careful) = await runtime.RunAsync("Time?", await runtime.CreateSessionAsync(), r => r with { ProfileId = "careful" });
        var (_, relaxed) = await runtime.RunAsync("Time?", await runtime.CreateSessionAsync());

        var paused = EventAssert.Last<RunFinishedEvent>(careful);
        Assert.Equal(RunOutcome.Interrupt, paused.Outcome);
        Assert.Equal("call_c", Assert.Single(paused.Interrupts).ToolCallId);
        Assert.Equal("careful", Assert.Single((await runtime.Services.GetRequiredService<IApprovalStore>().ListAsync(new ApprovalQuery())).Items).ProfileId);
        Assert.Equal(RunOutcome.Success, EventAssert.Last<RunFinishedEvent>(relaxed).Outcome);
    }

    [Fact]
    public async Task Tools_without_a_policy_never_ask()
    {
        await using var runtime = new TestRuntime(configure: o => o.Approvals.RequireApproval.Add("other_tool"), build: b => b.AddTool(() => "12:00", "get_time", "Current time."));
        runtime.Client.Enqueue(Updates.CallTool("call_t", "get_time")).Enqueue(Updates.Answer("Noon."));

        var (_, events) = await runtime.RunAsync("Time?", await runtime.CreateSessionAsync());

        Assert.Equal(RunOutcome.Success, EventAssert.Last<RunFinishedEvent>(events).Outcome);
        Assert.Empty((await runtime.Services.GetRequiredService<IApprovalStore>().ListAsync(new ApprovalQuery())).Items);
    }

    [Fact]
    public async Task Resuming_needs_a_session_and_a_run_that_paused_on_approvals()
    {
        await using var runtime = Runtime(() => { });
        var sessionId = await runtime.CreateSessionAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () => await runtime.Runner.StartAsync(new AgentRunRequest { Messages = [], ResumeFromRunId = "run_x" }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await runtime.Runner.StartAsync(new AgentRunRequest { SessionId = sessionId, Messages = [], ResumeFromRunId = "run_x" }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await runtime.Runner.StartAsync(new AgentRunRequest { SessionId = sessionId, Messages = [] }));
    }

    [Fact]
    public async Task A_pending_approval_survives_a_restart_and_its_run_continues()
    {
        var root = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var deleted = 0;
            string sessionId;
            string approvalId;
            string movedOnApprovalId;
            await using (var before = FileRuntime(root, () => Interlocked.Increment(ref deleted)))
            {
                before.Client.Enqueue(Updates.CallTool("call_d1", "delete_file", DeleteArgs)).Enqueue(Updates.CallTool("call_d2", "delete_file", DeleteArgs));
                sessionId = await before.CreateSessionAsync();
                var (_, events) = await before.RunAsync("Delete the report.", sessionId);
                approvalId = Assert.Single(EventAssert.Last<RunFinishedEvent>(events).Interrupts).Id;

                // A second session whose waiting call is answered behind the approval's back (as a crash between the
                // two could leave it): after the restart that approval can no longer continue anything.
                var other = await before.CreateSessionAsync();
                var (_, otherEvents) = await before.RunAsync("Delete it too.", other);
                movedOnApprovalId = Assert.Single(EventAssert.Last<RunFinishedEvent>(otherEvents).Interrupts).Id;
                await before.Store.AppendAsync(other, [new StoredMessage { Id = "msg_manual", Timestamp = DateTimeOffset.UtcNow, Role = ChatRole.Tool, Contents = [new FunctionResultContent("call_d2", "answered elsewhere")] }]);
                await before.Store.FlushAsync(other);
            }

            await using var after = FileRuntime(root, () => Interlocked.Increment(ref deleted));
            after.Client.Enqueue(Updates.Answer("Deleted after the restart."));
            await StartupCheck(after).StartAsync(CancellationToken.None);
            var store = after.Services.GetRequiredService<IApprovalStore>();
            Assert.Equal(ApprovalStatus.Pending, (await store.GetAsync(approvalId))!.Status);
            var movedOn = await store.GetAsync(movedOnApprovalId);
            Assert.Equal(ApprovalStatus.Expired, movedOn!.Status);
            Assert.Contains("restart", movedOn.Reason, StringComparison.Ordinal);

            var decided = await Service(after).DecideAsync(approvalId, approve: true, ApprovalScope.Once, null, CancellationToken.None);
            var continuation = after.Runner.GetRun(decided.ContinuationRunId!)!;
            await continuation.EndAsync();

            Assert.Equal(AgentRunStatus.Completed, continuation.Status);
            Assert.Equal(1, deleted);
            var stored = await after.MessagesAsync(sessionId);
            Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], stored.Select(static m => m.Role));
            Assert.Equal("Deleted after the restart.", stored[^1].Text);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_pending_approval_of_a_deleted_session_expires_at_startup()
    {
        await using var runtime = Runtime(() => { });
        runtime.Client.Enqueue(Updates.CallTool("call_d1", "delete_file", DeleteArgs));
        var sessionId = await runtime.CreateSessionAsync();
        var (_, events) = await runtime.RunAsync("Delete.", sessionId);
        var approvalId = Assert.Single(EventAssert.Last<RunFinishedEvent>(events).Interrupts).Id;
        await runtime.Store.DeleteAsync(sessionId);

        await StartupCheck(runtime).StartAsync(CancellationToken.None);

        var approval = await runtime.Services.GetRequiredService<IApprovalStore>().GetAsync(approvalId);
        Assert.Equal(ApprovalStatus.Expired, approval!.Status);
        Assert.Equal("The session was deleted.", approval.Reason);
    }

    private static TestRuntime Runtime(Action onDelete) => new(build: b => Tools(b, onDelete));

    private static TestRuntime FileRuntime(string root, Action onDelete) => new(
        configure: o => o.DataDirectory = root,
        build: b =>
        {
            Tools(b, onDelete);
            b.UseSessionStore(_ => new FileSessionStore(Path.Join(root, "sessions")));
            b.UseApprovalStore(new FileApprovalStore(Path.Join(root, "approvals")));
        });

    private static void Tools(IGAgentBuilder builder, Action onDelete)
    {
        builder.AddTool(new ApprovalRequiredAIFunction(AIFunctionFactory.Create(
            (string path) =>
            {
                onDelete();
                return "deleted " + path;
            },
            "delete_file",
            "Deletes a file.")));
        builder.AddTool(() => "12:00", "get_time", "Current time.");
    }

    private static ApprovalService Service(TestRuntime runtime) => runtime.Services.GetRequiredService<ApprovalService>();

    private static ApprovalStartupCheck StartupCheck(TestRuntime runtime)
        => runtime.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ApprovalStartupCheck>().Single();
}
