using GAgent.Agent;
using GAgent.Runs;

namespace GAgent.AspNetCore.WebSockets;

/// <summary>
/// Tells live subscribers of a session about each run registered in it, whoever started it (a socket, the control
/// API, AG-UI or a channel), so every socket subscribed to a session sees its runs. Fed by the run registry.
/// </summary>
internal sealed class SessionRunHub : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Action<IAgentRun>>> _subscribers = new(StringComparer.Ordinal);
    private readonly RunRegistry _registry;

    public SessionRunHub(RunRegistry registry)
    {
        _registry = registry;
        _registry.RunRegistered += Publish;
    }

    /// <summary>Calls <paramref name="onRun"/> for each run registered in the session until the returned handle is disposed.</summary>
    public IDisposable Subscribe(string sessionId, Action<IAgentRun> onRun)
    {
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(sessionId, out var list))
            {
                _subscribers[sessionId] = list = [];
            }

            list.Add(onRun);
        }

        return new SessionRunSubscription(this, sessionId, onRun);
    }

    public void Dispose() => _registry.RunRegistered -= Publish;

    private void Publish(AgentRun run)
    {
        Action<IAgentRun>[] targets;
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(run.SessionId, out var list))
            {
                return;
            }

            targets = [.. list];
        }

        foreach (var target in targets)
        {
            target(run);
        }
    }

    internal void Remove(string sessionId, Action<IAgentRun> onRun)
    {
        lock (_gate)
        {
            if (_subscribers.TryGetValue(sessionId, out var list) && list.Remove(onRun) && list.Count == 0)
            {
                _subscribers.Remove(sessionId);
            }
        }
    }
}
