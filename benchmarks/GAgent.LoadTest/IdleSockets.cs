using System.Diagnostics;
using System.Net.WebSockets;

namespace GAgent.LoadTest;

/// <summary>
/// The client side of the idle WebSocket scale run, in a child process so the server's memory is measured alone (and
/// the two ends of 10,000 sockets do not share one process's file descriptor limit).
/// </summary>
internal static class IdleSockets
{
    /// <summary>Child mode: opens <paramref name="count"/> sockets, prints <c>ready</c>, and holds them until stdin closes.</summary>
    public static async Task<int> HoldAsync(Uri address, int count)
    {
        var sockets = new ClientWebSocket[count];
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan;
                await socket.ConnectAsync(address, CancellationToken.None).ConfigureAwait(false);
                sockets[i] = socket;
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        Console.WriteLine("ready");
        await Console.In.ReadToEndAsync().ConfigureAwait(false);
        foreach (var socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        return 0;
    }

    /// <summary>Starts the child process and waits until all its sockets are open.</summary>
    public static async Task<Process> OpenAsync(Uri address, int count)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IdleSockets).Assembly.Location);
        }

        start.ArgumentList.Add("--hold-sockets");
        start.ArgumentList.Add(address.ToString());
        start.ArgumentList.Add("--count");
        start.ArgumentList.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the socket client process.");
        var line = await child.StandardOutput.ReadLineAsync().ConfigureAwait(false);
        if (line != "ready")
        {
            child.Kill();
            throw new InvalidOperationException($"The socket client process failed to open {count} sockets (said '{line}').");
        }

        return child;
    }
}
