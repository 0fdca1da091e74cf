using GAgent.Responses;

namespace GAgent.Runtime.Tests.Responses;

public sealed class InMemoryResponseStoreTests : ResponseStoreConformanceTests
{
    protected override IResponseStore CreateStore() => new InMemoryResponseStore();
}
