namespace GAgent.AspNetCore.WebSockets;

/// <summary>Counts open sockets against <see cref="WebSocketChannelOptions.MaxConnections"/>.</summary>
internal sealed class WebSocketConnections
{
    private int _count;

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
}
