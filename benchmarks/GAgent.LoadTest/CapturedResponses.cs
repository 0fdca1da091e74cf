using System.Text;

namespace GAgent.LoadTest;

/// <summary>One streamed and one non-streamed GAgent response, byte for byte, for the baseline to replay.</summary>
internal sealed record CapturedResponses(IReadOnlyList<byte[]> Frames, byte[] Json)
{
    public static async Task<CapturedResponses> CaptureAsync(HttpClient client)
    {
        using var streamed = await client.PostAsync("/v1/chat/completions", LoadRequests.Body(stream: true)).ConfigureAwait(false);
        var text = await streamed.Content.ReadAsStringAsync().ConfigureAwait(false);
        var frames = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(static f => Encoding.UTF8.GetBytes(f + "\n\n")).ToList();
        using var plain = await client.PostAsync("/v1/chat/completions", LoadRequests.Body(stream: false)).ConfigureAwait(false);
        var json = await plain.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (!text.EndsWith("data: [DONE]\n\n", StringComparison.Ordinal) || !plain.IsSuccessStatusCode)
        {
            throw new InvalidOperationException("GAgent did not answer the capture requests as expected:\n" + text);
        }

        return new CapturedResponses(frames, json);
    }
}
