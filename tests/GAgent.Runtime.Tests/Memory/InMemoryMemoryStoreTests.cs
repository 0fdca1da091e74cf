using GAgent.Memory;

namespace GAgent.Runtime.Tests.Memory;

/// <summary>The conformance suite over the in-memory store.</summary>
public sealed class InMemoryMemoryStoreTests : MemoryStoreConformanceTests
{
    protected override IMemoryStore CreateStore(int maxChars, TimeProvider time) => new InMemoryMemoryStore(maxChars, time);
}
