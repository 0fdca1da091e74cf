using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace GAgent.AspNetCore.Tests.Infrastructure;

/// <summary>A <see cref="ClientWebSocket"/> speaking GAgent's JSON protocol to a test host.</summary>
public sealed class LiveSocket : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private LiveSocket(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static Uri Address(GAgentTestHost host, string query = "")
        => new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = "/api/ws", Query = query }.Uri;

    public static async Task<LiveSocket> ConnectAsync(GAgentTestHost host, string query = "", Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await socket.ConnectAsync(Address(host, query), timeout.Token);
        return new LiveSocket(socket);
    }

    /// <summary>Attempts a handshake that the server should refuse and returns the HTTP status it answered with.</summary>
    public static async Task<HttpStatusCode> RefusedStatusAsync(GAgentTestHost host, string query = "", Action<ClientWebSocketOptions>? configure = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        configure?.Invoke(socket.Options);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(Address(host, query), CancellationToken.None));
        return socket.HttpStatusCode;
    }

    public Task SendAsync(string json) => Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message as JSON; throws when the socket closes or nothing arrives in time.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var (type, data) = await ReceiveRawAsync(cts.Token);
        Assert.Equal(WebSocketMessageType.Text, type);
        return JsonDocument.Parse(data).RootElement.Clone();
    }

    /// <summary>Messages up to and including the first that matches <paramref name="last"/>.</summary>
    public async Task<List<JsonElement>> ReceiveUntilAsync(Func<JsonElement, bool> last, TimeSpan? timeout = null)
    {
        var messages = new List<JsonElement>();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var (type, data) = await ReceiveRawAsync(cts.Token);
            Assert.Equal(WebSocketMessageType.Text, type);
            var message = JsonDocument.Parse(data).RootElement.Clone();
            messages.Add(message);
            if (last(message))
            {
                return messages;
            }
        }
    }

    public async Task<(WebSocketMessageType Type, byte[] Data)> ReceiveRawAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"The server closed the socket: {result.CloseStatus} {result.CloseStatusDescription}");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (result.MessageType, message.ToArray());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                Socket.Abort();
            }
        }

        Socket.Dispose();
    }
}
