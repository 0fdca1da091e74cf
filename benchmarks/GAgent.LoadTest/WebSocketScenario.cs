using System.Net.Http.Json;
using System.Net.WebSockets;

namespace GAgent.LoadTest;

/// <summary>Runs over the WebSocket: each client holds one socket and one session, and sends a message per run.</summary>
internal sealed class WebSocketScenario() : LoadScenario("websocket runs", countsTokens: true)
{
    public override async Task<ScenarioWorkers> CreateWorkersAsync(Uri baseAddress, int count)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        var socketAddress = new UriBuilder(baseAddress) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws", Path = "/api/ws" }.Uri;
        var workers = new List<ILoadWorker>(count);
        for (var i = 0; i < count; i++)
        {
            var sessionId = $"load-ws-{i}-{Guid.NewGuid():N}";
            using (var created = await http.PostAsJsonAsync("/api/sessions", new SessionRequest(sessionId), LoadJsonContext.Default.SessionRequest).ConfigureAwait(false))
            {
                created.EnsureSuccessStatusCode();
            }

            var socket = new ClientWebSocket();
            await socket.ConnectAsync(socketAddress, CancellationToken.None).ConfigureAwait(false);
            workers.Add(new WebSocketWorker(socket, sessionId));
        }

        return new ScenarioWorkers(workers, http);
    }
}
