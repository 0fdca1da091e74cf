using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;

namespace GAgent.LoadTest;

/// <summary>GAgent's answers to each scenario's request, byte for byte, for the baseline to replay.</summary>
internal sealed record CapturedResponses(IReadOnlyList<byte[]> ChatFrames, byte[] ChatJson, IReadOnlyList<byte[]> ResponseFrames, IReadOnlyList<byte[]> SocketMessages)
{
    public static async Task<CapturedResponses> CaptureAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        var chatFrames = await CaptureStreamAsync(client, "/v1/chat/completions", LoadRequests.StreamedChat, "data: [DONE]\n\n").ConfigureAwait(false);
        using var plain = await client.PostAsync("/v1/chat/completions", LoadRequests.Body(LoadRequests.Chat)).ConfigureAwait(false);
        plain.EnsureSuccessStatusCode();
        var json = await plain.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var responseFrames = await CaptureStreamAsync(client, "/v1/responses", LoadRequests.StreamedResponse, "response.completed").ConfigureAwait(false);
        var socketMessages = await CaptureSocketAsync(client, baseAddress).ConfigureAwait(false);
        return new CapturedResponses(chatFrames, json, responseFrames, socketMessages);
    }

    private static async Task<List<byte[]>> CaptureStreamAsync(HttpClient client, string path, byte[] body, string mustContain)
    {
        using var response = await client.PostAsync(path, LoadRequests.Body(body)).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || !text.Contains(mustContain, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GAgent did not answer {path} as expected:\n{text}");
        }

        return [.. text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(static f => Encoding.UTF8.GetBytes(f + "\n\n"))];
    }

    /// <summary>Every message the server sends for one run, from the ack to <c>RUN_FINISHED</c>.</summary>
    private static async Task<List<byte[]>> CaptureSocketAsync(HttpClient client, Uri baseAddress)
    {
        const string session = "load-capture";
        using (var created = await client.PostAsJsonAsync("/api/sessions", new SessionRequest(session), LoadJsonContext.Default.SessionRequest).ConfigureAwait(false))
        {
            created.EnsureSuccessStatusCode();
        }

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new UriBuilder(baseAddress) { Scheme = "ws", Path = "/api/ws" }.Uri, CancellationToken.None).ConfigureAwait(false);
        await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"type":"message","sessionId":"{{session}}","content":"Say many words."}"""), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
        var messages = new List<byte[]>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            var bytes = message.ToArray();
            messages.Add(bytes);
            if (bytes.AsSpan().IndexOf("\"RUN_FINISHED\""u8) >= 0)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                return messages;
            }
        }
    }
}
