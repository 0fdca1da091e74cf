using GAgent.Approvals;

namespace GAgent.Runtime.Tests.Approvals;

/// <summary>The conformance suite over the file store, plus what only a file store can get wrong: durability and recovery.</summary>
public sealed class FileApprovalStoreTests : ApprovalStoreConformanceTests
{
    private readonly string _root = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));

    private string StoreDirectory => Path.Join(_root, "approvals");

    protected override IApprovalStore CreateStore() => new FileApprovalStore(StoreDirectory);

    [Fact]
    public async Task Approvals_and_grants_survive_a_reopen()
    {
        var approval = Pending();
        await Store.CreateAsync(approval);
        await Store.DecideAsync(approval.Id, Decision(ApprovalStatus.Approved, ApprovalScope.Always));
        var grant = new ApprovalGrant { Id = ApprovalIds.NewGrantId(), ToolName = "delete_file", Scope = ApprovalScope.Always, CreatedAt = Start };
        await Store.AddGrantAsync(grant);
        var other = Pending();
        await Store.CreateAsync(other);

        using var reopened = new FileApprovalStore(StoreDirectory);

        var read = await reopened.GetAsync(approval.Id);
        Assert.Equal(ApprovalStatus.Approved, read!.Status);
        Assert.Equal(ApprovalScope.Always, read.Scope);
        Assert.Equal("/tmp/x", read.Arguments.GetProperty("path").GetString());
        Assert.Equal(ApprovalStatus.Pending, (await reopened.GetAsync(other.Id))!.Status);
        Assert.Equal(grant, Assert.Single(await reopened.ListGrantsAsync()));
        await Assert.ThrowsAsync<ApprovalAlreadyDecidedException>(async () => await reopened.DecideAsync(approval.Id, Decision(ApprovalStatus.Denied)));
    }

    [Fact]
    public async Task Torn_and_temporary_files_are_ignored_and_the_rest_is_read()
    {
        var approval = Pending();
        await Store.CreateAsync(approval);
        await File.WriteAllTextAsync(Path.Join(StoreDirectory, ApprovalIds.NewApprovalId() + ".json"), "{\"id\":\"apv_");
        var temp = Path.Join(StoreDirectory, approval.Id + ".json.tmp-abc");
        await File.WriteAllTextAsync(temp, "partial");

        using var reopened = new FileApprovalStore(StoreDirectory);

        Assert.Equal([approval.Id], (await reopened.ListAsync(new ApprovalQuery())).Items.Select(static a => a.Id));
        Assert.False(File.Exists(temp));
    }

    [Fact]
    public async Task Files_are_named_by_validated_ids_inside_the_directory()
    {
        var approval = Pending();
        await Store.CreateAsync(approval);
        await Store.AddGrantAsync(new ApprovalGrant { Id = ApprovalIds.NewGrantId(), ToolName = "t", Scope = ApprovalScope.Always, CreatedAt = Start });

        Assert.True(File.Exists(Path.Join(StoreDirectory, approval.Id + ".json")));
        Assert.Single(Directory.GetFiles(Path.Join(StoreDirectory, "grants")));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
