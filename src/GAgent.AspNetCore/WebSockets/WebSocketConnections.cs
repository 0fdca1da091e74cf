using System.Collections.Concurrent;

namespace GAgent.AspNetCore.WebSockets;

/// <summary>The open sockets: counted against <see cref="WebSocketChannelOptions.MaxConnections"/>, and reachable by the channel (outbound messages, closing on stop).</summary>
internal sealed class WebSocketConnections
{
    private readonly ConcurrentDictionary<WebSocketConnection, byte> _open = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public bool TryAdd(int max)
    {
        if (Interlocked.Increment(ref _count) <= max)
        {
            return true;
        }

        Interlocked.Decrement(ref _count);
        return false;
    }

    public void Remove() => Interlocked.Decrement(ref _count);

    public void Attach(WebSocketConnection connection) => _open.TryAdd(connection, 0);

    public void Detach(WebSocketConnection connection) => _open.TryRemove(connection, out _);

    public IEnumerable<WebSocketConnection> Open => _open.Keys;
}
