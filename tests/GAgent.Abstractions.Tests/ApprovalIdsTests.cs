using GAgent.Approvals;

namespace GAgent.Abstractions.Tests;

public sealed class ApprovalIdsTests
{
    [Fact]
    public void New_ids_are_valid_prefixed_and_strictly_increasing()
    {
        var ids = Enumerable.Range(0, 1000).Select(static _ => ApprovalIds.NewApprovalId()).ToList();

        Assert.All(ids, static id => Assert.True(ApprovalIds.IsValidApprovalId(id)));
        Assert.All(ids, static id => Assert.StartsWith("apv_", id, StringComparison.Ordinal));
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(ApprovalIds.IsValidGrantId(ApprovalIds.NewGrantId()));
        Assert.False(ApprovalIds.IsValidApprovalId(ApprovalIds.NewGrantId()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("apv_")]
    [InlineData("apv_../../etc/passwd")]
    [InlineData("apv_0123456789abcdef0123456789abcde")]
    [InlineData("apv_0123456789abcdef0123456789abcdef0")]
    [InlineData("apv_0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("APV_0123456789abcdef0123456789abcdef")]
    [InlineData("grt_0123456789abcdef0123456789abcdef")]
    [InlineData("apv_0123456789abcdef0123456789abcde/")]
    public void Malformed_approval_ids_are_rejected(string? id)
    {
        Assert.False(ApprovalIds.IsValidApprovalId(id));
        var error = Assert.Throws<ArgumentException>(() => ApprovalIds.ValidateApprovalId(id));
        Assert.Equal("id", error.ParamName);
    }

    [Fact]
    public void Grants_cover_their_tool_in_their_session_or_profile()
    {
        var session = new ApprovalGrant { Id = ApprovalIds.NewGrantId(), ToolName = "t", Scope = ApprovalScope.Session, SessionId = "s1", CreatedAt = DateTimeOffset.UnixEpoch };
        var always = session with { Scope = ApprovalScope.Always, SessionId = null };
        var profile = always with { ProfileId = "p1" };

        Assert.True(session.Covers("t", "s1", null));
        Assert.False(session.Covers("t", "s2", null));
        Assert.False(session.Covers("other", "s1", null));
        Assert.True(always.Covers("t", "any", "p9"));
        Assert.True(profile.Covers("t", "any", "p1"));
        Assert.False(profile.Covers("t", "any", "p2"));
        Assert.False(profile.Covers("t", "any", null));
        Assert.False((session with { Scope = ApprovalScope.Once }).Covers("t", "s1", null));
    }
}
