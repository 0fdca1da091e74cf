using GAgent.Profiles;

namespace GAgent.Runtime.Tests.Profiles;

/// <summary>The conformance suite over the in-memory store.</summary>
public sealed class InMemoryProfileStoreTests : ProfileStoreConformanceTests
{
    protected override IProfileStore CreateStore(TimeProvider time) => new InMemoryProfileStore(time);
}
