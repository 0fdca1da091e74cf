using GAgent.Approvals;

namespace GAgent.Runtime.Tests.Approvals;

public sealed class InMemoryApprovalStoreTests : ApprovalStoreConformanceTests
{
    protected override IApprovalStore CreateStore() => new InMemoryApprovalStore();
}
