using System.Buffers;
using System.Diagnostics;

namespace GAgent.LoadTest;

/// <summary>Drives N concurrent loopback clients against one target for a fixed time and measures what they saw.</summary>
internal static class LoadDriver
{
    public static async Task<LoadResult> RunAsync(string scenario, string target, Uri baseAddress, bool stream, LoadOptions options, byte[] token)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

        await RunForAsync(client, stream, options.Concurrency, options.Warmup, token, null).ConfigureAwait(false);
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var samples = new Samples();
        var watch = Stopwatch.StartNew();
        await RunForAsync(client, stream, options.Concurrency, options.Duration, token, samples).ConfigureAwait(false);
        var seconds = watch.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var requests = samples.Latencies.Count;
        return new LoadResult(
            scenario,
            target,
            requests,
            samples.Errors,
            seconds,
            stream ? (long)requests * options.Tokens : 0,
            Percentile(samples.Latencies, 0.50),
            Percentile(samples.Latencies, 0.99),
            Percentile(samples.FirstTokens, 0.50),
            Percentile(samples.FirstTokens, 0.99),
            requests == 0 ? 0 : allocated / requests,
            requests == 0 ? 0 : cpu.TotalMicroseconds / requests);
    }

    private static async Task RunForAsync(HttpClient client, bool stream, int concurrency, TimeSpan duration, byte[] token, Samples? samples)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                while (Stopwatch.GetTimestamp() < until)
                {
                    await OneRequestAsync(client, stream, token, buffer, samples).ConfigureAwait(false);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }));
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private static async Task OneRequestAsync(HttpClient client, bool stream, byte[] token, byte[] buffer, Samples? samples)
    {
        var start = Stopwatch.GetTimestamp();
        double firstToken = -1;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = LoadRequests.Body(stream) };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            int read;
            while ((read = await body.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                if (firstToken < 0 && buffer.AsSpan(0, read).IndexOf(token) >= 0)
                {
                    firstToken = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
            }
        }
#pragma warning disable CA1031 // A failed request is counted, not fatal: the run reports errors.
        catch (Exception)
#pragma warning restore CA1031
        {
            samples?.AddError();
            return;
        }

        samples?.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds, firstToken);
    }

    private static double Percentile(List<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        return values[Math.Min(values.Count - 1, (int)Math.Ceiling(percentile * values.Count) - 1)];
    }
}
