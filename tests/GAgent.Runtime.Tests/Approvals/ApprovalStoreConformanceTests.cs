using System.Text.Json;
using GAgent.Approvals;

namespace GAgent.Runtime.Tests.Approvals;

/// <summary>The behaviour every <see cref="IApprovalStore"/> must have. Each implementation's test class derives from this and supplies the store.</summary>
public abstract class ApprovalStoreConformanceTests : IDisposable
{
    private IApprovalStore? _store;

    protected static DateTimeOffset Start { get; } = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    protected IApprovalStore Store => _store ??= CreateStore();

    protected abstract IApprovalStore CreateStore();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _store is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    protected static ApprovalRecord Pending(string runId = "run_1", string sessionId = "s1", string tool = "delete_file", string? callId = null) => new()
    {
        Id = ApprovalIds.NewApprovalId(),
        RunId = runId,
        SessionId = sessionId,
        ToolName = tool,
        CallId = callId ?? "call_" + Guid.NewGuid().ToString("N"),
        Arguments = JsonDocument.Parse("""{"path":"/tmp/x","force":true}""").RootElement.Clone(),
        CreatedAt = Start,
        Status = ApprovalStatus.Pending,
    };

    protected static ApprovalDecision Decision(ApprovalStatus status, ApprovalScope? scope = null, string? reason = null)
        => new() { Status = status, Scope = scope, Reason = reason, DecidedAt = Start.AddMinutes(1) };

    [Fact]
    public async Task Created_approval_reads_back_with_its_arguments()
    {
        var approval = Pending() with { ProfileId = "p1", ModelId = "m1" };
        await Store.CreateAsync(approval);

        var read = await Store.GetAsync(approval.Id);

        Assert.NotNull(read);
        Assert.Equal(approval.Id, read.Id);
        Assert.Equal("run_1", read.RunId);
        Assert.Equal("s1", read.SessionId);
        Assert.Equal("p1", read.ProfileId);
        Assert.Equal("m1", read.ModelId);
        Assert.Equal("delete_file", read.ToolName);
        Assert.Equal(approval.CallId, read.CallId);
        Assert.Equal(ApprovalStatus.Pending, read.Status);
        Assert.Equal(Start, read.CreatedAt);
        Assert.Equal("/tmp/x", read.Arguments.GetProperty("path").GetString());
        Assert.True(read.Arguments.GetProperty("force").GetBoolean());
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_read_as_null()
    {
        Assert.Null(await Store.GetAsync(ApprovalIds.NewApprovalId()));
        Assert.Null(await Store.GetAsync("../../etc/passwd"));
        Assert.Null(await Store.GetAsync("apv_" + new string('z', 32)));
    }

    [Fact]
    public async Task Creating_rejects_malformed_ids_duplicates_and_decided_records()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.CreateAsync(Pending() with { Id = "apv_../../x" }));
        var approval = Pending();
        await Store.CreateAsync(approval);
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.CreateAsync(approval));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.CreateAsync(Pending() with { Status = ApprovalStatus.Approved }));
    }

    [Fact]
    public async Task Deciding_moves_a_pending_approval_once()
    {
        var approval = Pending();
        await Store.CreateAsync(approval);

        var approved = await Store.DecideAsync(approval.Id, Decision(ApprovalStatus.Approved, ApprovalScope.Session));

        Assert.Equal(ApprovalStatus.Approved, approved.Status);
        Assert.Equal(ApprovalScope.Session, approved.Scope);
        Assert.Equal(Start.AddMinutes(1), approved.DecidedAt);
        var again = await Assert.ThrowsAsync<ApprovalAlreadyDecidedException>(async () => await Store.DecideAsync(approval.Id, Decision(ApprovalStatus.Denied, reason: "no")));
        Assert.Equal("approval_already_decided", again.ErrorCode);
        Assert.Equal(ApprovalStatus.Approved, again.Current.Status);
        Assert.Equal(ApprovalStatus.Approved, (await Store.GetAsync(approval.Id))!.Status);
    }

    [Fact]
    public async Task Denial_keeps_the_reason_and_no_scope()
    {
        var approval = Pending();
        await Store.CreateAsync(approval);

        var denied = await Store.DecideAsync(approval.Id, Decision(ApprovalStatus.Denied, ApprovalScope.Always, "too risky"));

        Assert.Equal(ApprovalStatus.Denied, denied.Status);
        Assert.Null(denied.Scope);
        Assert.Equal("too risky", (await Store.GetAsync(approval.Id))!.Reason);
    }

    [Fact]
    public async Task Deciding_an_unknown_approval_throws_not_found_and_pending_is_no_decision()
    {
        var unknown = await Assert.ThrowsAsync<ApprovalNotFoundException>(async () => await Store.DecideAsync(ApprovalIds.NewApprovalId(), Decision(ApprovalStatus.Approved)));
        Assert.Equal("approval_not_found", unknown.ErrorCode);
        await Assert.ThrowsAsync<ApprovalNotFoundException>(async () => await Store.DecideAsync("../x", Decision(ApprovalStatus.Approved)));
        var approval = Pending();
        await Store.CreateAsync(approval);
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.DecideAsync(approval.Id, Decision(ApprovalStatus.Pending)));
    }

    [Fact]
    public async Task Concurrent_decisions_have_exactly_one_winner()
    {
        var approval = Pending();
        await Store.CreateAsync(approval);

        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await Store.DecideAsync(approval.Id, Decision(i % 2 == 0 ? ApprovalStatus.Approved : ApprovalStatus.Denied));
                return true;
            }
            catch (ApprovalAlreadyDecidedException)
            {
                return false;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(static won => won));
    }

    [Fact]
    public async Task Reads_while_approvals_are_created_and_decided_see_whole_records_and_miss_none_at_the_end()
    {
        // Every run of a session lists its approvals, so readers overlap writers all the time.
        var created = new List<ApprovalRecord>();
        for (var i = 0; i < 40; i++)
        {
            created.Add(Pending(sessionId: "s" + (i % 4)));
        }

        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                var page = await Store.ListAsync(new ApprovalQuery { SessionId = "s" + r, Limit = ApprovalQuery.MaxLimit });
                Assert.All(page.Items, a => Assert.Equal("s" + r, a.SessionId));
                Assert.Equal(page.Items.OrderByDescending(static a => a.Id, StringComparer.Ordinal).Select(static a => a.Id), page.Items.Select(static a => a.Id));
                reads++;
            }

            return reads;
        })).ToList();
        foreach (var approval in created)
        {
            await Store.CreateAsync(approval);
            await Store.DecideAsync(approval.Id, Decision(ApprovalStatus.Approved, ApprovalScope.Once));
        }

        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 0));

        for (var s = 0; s < 4; s++)
        {
            var page = await Store.ListAsync(new ApprovalQuery { SessionId = "s" + s, Limit = ApprovalQuery.MaxLimit });
            Assert.Equal(10, page.Items.Count);
            Assert.All(page.Items, a => Assert.Equal(ApprovalStatus.Approved, a.Status));
        }
    }

    [Fact]
    public async Task Listing_is_newest_first_filtered_and_paged_after_an_id()
    {
        var created = new List<ApprovalRecord>();
        for (var i = 0; i < 5; i++)
        {
            var approval = Pending(runId: i < 3 ? "run_a" : "run_b", sessionId: i % 2 == 0 ? "even" : "odd");
            created.Add(approval);
            await Store.CreateAsync(approval);
        }

        await Store.DecideAsync(created[1].Id, Decision(ApprovalStatus.Denied));

        var first = await Store.ListAsync(new ApprovalQuery { Limit = 2 });
        Assert.Equal([created[4].Id, created[3].Id], first.Items.Select(static a => a.Id));
        Assert.Equal(created[3].Id, first.NextAfter);
        var second = await Store.ListAsync(new ApprovalQuery { Limit = 2, After = first.NextAfter });
        Assert.Equal([created[2].Id, created[1].Id], second.Items.Select(static a => a.Id));
        var last = await Store.ListAsync(new ApprovalQuery { Limit = 2, After = second.NextAfter });
        Assert.Equal([created[0].Id], last.Items.Select(static a => a.Id));
        Assert.Null(last.NextAfter);

        Assert.Equal([created[4].Id, created[2].Id, created[0].Id], (await Store.ListAsync(new ApprovalQuery { SessionId = "even" })).Items.Select(static a => a.Id));
        Assert.Equal([created[2].Id, created[1].Id, created[0].Id], (await Store.ListAsync(new ApprovalQuery { RunId = "run_a" })).Items.Select(static a => a.Id));
        Assert.Equal([created[1].Id], (await Store.ListAsync(new ApprovalQuery { Status = ApprovalStatus.Denied })).Items.Select(static a => a.Id));
        Assert.Equal(4, (await Store.ListAsync(new ApprovalQuery { Status = ApprovalStatus.Pending })).Items.Count);
    }

    [Fact]
    public async Task Listing_rejects_bad_limits_and_cursors()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListAsync(new ApprovalQuery { Limit = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListAsync(new ApprovalQuery { Limit = ApprovalQuery.MaxLimit + 1 }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListAsync(new ApprovalQuery { After = "../x" }));
    }

    [Fact]
    public async Task Continuation_run_is_recorded()
    {
        var approval = Pending();
        await Store.CreateAsync(approval);
        await Store.DecideAsync(approval.Id, Decision(ApprovalStatus.Approved));

        var updated = await Store.SetContinuationAsync(approval.Id, "run_next");

        Assert.Equal("run_next", updated!.ContinuationRunId);
        Assert.Equal("run_next", (await Store.GetAsync(approval.Id))!.ContinuationRunId);
        Assert.Equal(ApprovalStatus.Approved, (await Store.GetAsync(approval.Id))!.Status);
        Assert.Null(await Store.SetContinuationAsync(ApprovalIds.NewApprovalId(), "run_next"));
    }

    [Fact]
    public async Task Grants_are_listed_newest_first_and_revoked()
    {
        var session = new ApprovalGrant { Id = ApprovalIds.NewGrantId(), ToolName = "delete_file", Scope = ApprovalScope.Session, SessionId = "s1", CreatedAt = Start };
        var always = new ApprovalGrant { Id = ApprovalIds.NewGrantId(), ToolName = "send_mail", Scope = ApprovalScope.Always, ProfileId = "p1", ApprovalId = ApprovalIds.NewApprovalId(), CreatedAt = Start };
        await Store.AddGrantAsync(session);
        await Store.AddGrantAsync(always);

        var grants = await Store.ListGrantsAsync();

        Assert.Equal([always.Id, session.Id], grants.Select(static g => g.Id));
        Assert.Equal(always, grants[0]);
        Assert.True(await Store.RemoveGrantAsync(session.Id));
        Assert.False(await Store.RemoveGrantAsync(session.Id));
        Assert.False(await Store.RemoveGrantAsync("../grants"));
        Assert.Equal([always.Id], (await Store.ListGrantsAsync()).Select(static g => g.Id));
    }

    [Fact]
    public async Task Grants_need_a_valid_id_and_scope()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AddGrantAsync(new ApprovalGrant { Id = "grt_x", ToolName = "t", Scope = ApprovalScope.Always, CreatedAt = Start }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AddGrantAsync(new ApprovalGrant { Id = ApprovalIds.NewGrantId(), ToolName = "t", Scope = ApprovalScope.Once, CreatedAt = Start }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AddGrantAsync(new ApprovalGrant { Id = ApprovalIds.NewGrantId(), ToolName = "t", Scope = ApprovalScope.Session, CreatedAt = Start }));
    }
}
