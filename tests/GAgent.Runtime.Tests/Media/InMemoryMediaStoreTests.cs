using GAgent.Media;

namespace GAgent.Runtime.Tests.Media;

/// <summary>The conformance suite over the in-memory store.</summary>
public sealed class InMemoryMediaStoreTests : MediaStoreConformanceTests
{
    protected override IMediaStore CreateStore(TimeProvider time) => new InMemoryMediaStore(time);
}
