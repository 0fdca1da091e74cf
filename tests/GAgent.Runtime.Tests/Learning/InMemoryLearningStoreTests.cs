using GAgent.Learning;

namespace GAgent.Runtime.Tests.Learning;

/// <summary>The conformance suite over the in-memory store.</summary>
public sealed class InMemoryLearningStoreTests : LearningStoreConformanceTests
{
    protected override ILearningStore CreateStore(TimeProvider time) => new InMemoryLearningStore(time);
}
