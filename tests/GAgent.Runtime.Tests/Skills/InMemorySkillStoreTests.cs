using GAgent.Skills;

namespace GAgent.Runtime.Tests.Skills;

/// <summary>The conformance suite over the in-memory store.</summary>
public sealed class InMemorySkillStoreTests : SkillStoreConformanceTests
{
    protected override ISkillStore CreateStore(int maxChars, TimeProvider time) => new InMemorySkillStore(maxChars, time);
}
