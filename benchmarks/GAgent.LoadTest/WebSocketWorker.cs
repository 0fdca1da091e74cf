using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace GAgent.LoadTest;

/// <summary>A client of <see cref="WebSocketScenario"/>: sends a message and reads the run's events until it ends.</summary>
internal sealed class WebSocketWorker(ClientWebSocket socket, string sessionId) : ILoadWorker
{
    private readonly byte[] _message = Encoding.UTF8.GetBytes($$"""{"type":"message","sessionId":"{{sessionId}}","content":"Say many words."}""");

    public async Task<double> RunOnceAsync(byte[] token, byte[] buffer)
    {
        var start = Stopwatch.GetTimestamp();
        double firstToken = -1;
        await socket.SendAsync(_message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("The server closed the socket during a run.");
            }

            var chunk = buffer.AsSpan(0, received.Count);
            if (firstToken < 0 && chunk.IndexOf(token) >= 0)
            {
                firstToken = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            if (chunk.IndexOf("\"RUN_FINISHED\""u8) >= 0)
            {
                return firstToken;
            }

            if (chunk.IndexOf("\"RUN_ERROR\""u8) >= 0 || chunk.StartsWith("{\"type\":\"error\""u8))
            {
                throw new InvalidOperationException("The run failed: " + Encoding.UTF8.GetString(chunk));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
        }

        socket.Dispose();
    }
}
