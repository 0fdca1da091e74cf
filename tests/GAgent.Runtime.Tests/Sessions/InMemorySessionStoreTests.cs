using GAgent.Sessions;

namespace GAgent.Runtime.Tests.Sessions;

public sealed class InMemorySessionStoreTests : SessionStoreConformanceTests
{
    protected override ISessionStore CreateStore(TimeProvider time) => new InMemorySessionStore(time);
}
