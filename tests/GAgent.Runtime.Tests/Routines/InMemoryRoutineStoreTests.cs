using GAgent.Routines;

namespace GAgent.Runtime.Tests.Routines;

/// <summary>The conformance suite over the in-memory store.</summary>
public sealed class InMemoryRoutineStoreTests : RoutineStoreConformanceTests
{
    protected override IRoutineStore CreateStore() => new InMemoryRoutineStore();
}
