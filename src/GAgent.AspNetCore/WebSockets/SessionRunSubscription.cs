using GAgent.Runs;

namespace GAgent.AspNetCore.WebSockets;

/// <summary>Ends one <see cref="SessionRunHub.Subscribe"/>; disposing twice is harmless.</summary>
internal sealed class SessionRunSubscription(SessionRunHub hub, string sessionId, Action<IAgentRun> onRun) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            hub.Remove(sessionId, onRun);
        }
    }
}
