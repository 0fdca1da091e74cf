using System.Diagnostics;
using System.Net.Http.Headers;

namespace GAgent.LoadTest;

/// <summary>A client of <see cref="HttpScenario"/>: one request at a time over a shared connection pool.</summary>
internal sealed class HttpWorker(HttpClient client, string path, byte[] body) : ILoadWorker
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<double> RunOnceAsync(byte[] token, byte[] buffer)
    {
        var start = Stopwatch.GetTimestamp();
        double firstToken = -1;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            if (firstToken < 0 && buffer.AsSpan(0, read).IndexOf(token) >= 0)
            {
                firstToken = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        return firstToken;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
