using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;

namespace GAgent.AspNetCore.Tests.Live;

public sealed class WebSocketAuthTests
{
    private const string Key = "test-key-0123456789-0123456789-0123456789";

    [Fact]
    public async Task A_token_opens_one_socket_once()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:ApiKeys:0:Key"] = Key });

        using var noKey = await host.Client.PostAsync("/api/tokens", null);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);

        using var issued = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/tokens", bearer: Key));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        Assert.InRange(body.GetProperty("expiresIn").GetDouble(), 1, 60);

        Assert.Equal(HttpStatusCode.Unauthorized, await LiveSocket.RefusedStatusAsync(host));
        await using (var socket = await LiveSocket.ConnectAsync(host, "token=" + Uri.EscapeDataString(token)))
        {
            await socket.SendAsync("""{"type":"ping","clientRequestId":"p1"}""");
            var pong = await socket.ReceiveAsync();
            Assert.Equal("pong", pong.GetProperty("type").GetString());
            Assert.Equal("p1", pong.GetProperty("clientRequestId").GetString());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await LiveSocket.RefusedStatusAsync(host, "token=" + Uri.EscapeDataString(token)));
        Assert.Equal(HttpStatusCode.Unauthorized, await LiveSocket.RefusedStatusAsync(host, "token=made-up"));

        // Non-browser clients may send the API key header instead of a token.
        await using var keyed = await LiveSocket.ConnectAsync(host, configure: o => o.SetRequestHeader("X-Api-Key", Key));
        await keyed.SendAsync("""{"type":"hello"}""");
        Assert.Equal("gagent.ws.v1", (await keyed.ReceiveAsync()).GetProperty("protocol").GetString());
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:WebSocket:TokenLifetime"] = "00:00:00.050" });
        using var issued = await host.Client.PostAsync("/api/tokens", null);
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        await Task.Delay(200);

        Assert.Equal(HttpStatusCode.Unauthorized, await LiveSocket.RefusedStatusAsync(host, "token=" + Uri.EscapeDataString(token)));
    }

    [Fact]
    public async Task Foreign_origins_are_refused_and_loopback_or_allow_listed_origins_accepted()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:WebSocket:AllowedOrigins:0"] = "https://app.example.com" });

        Assert.Equal(HttpStatusCode.Forbidden, await LiveSocket.RefusedStatusAsync(host, configure: o => o.SetRequestHeader("Origin", "https://evil.example.com")));
        await using (await LiveSocket.ConnectAsync(host, configure: o => o.SetRequestHeader("Origin", "http://localhost:3000")))
        {
        }

        await using (await LiveSocket.ConnectAsync(host, configure: o => o.SetRequestHeader("Origin", "https://app.example.com")))
        {
        }

        using var plain = await host.Client.GetAsync("/api/ws");
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
    }

    [Fact]
    public async Task Handshakes_beyond_the_connection_cap_get_503()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:WebSocket:MaxConnections"] = "1" });
        await using var only = await LiveSocket.ConnectAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await LiveSocket.RefusedStatusAsync(host));
    }

    [Fact]
    public async Task An_idle_socket_is_closed_with_1001()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:WebSocket:IdleTimeout"] = "00:00:01" });
        await using var socket = await LiveSocket.ConnectAsync(host);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var result = await socket.Socket.ReceiveAsync(new byte[1024], timeout.Token);
        Assert.Equal(System.Net.WebSockets.WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, result.CloseStatus);
        Assert.Equal("idle timeout", result.CloseStatusDescription);
    }
}
