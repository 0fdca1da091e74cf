using System.Buffers;
using System.Diagnostics;

namespace GAgent.LoadTest;

/// <summary>Drives a scenario's concurrent loopback clients against one target for a fixed time and measures what they saw.</summary>
internal static class LoadDriver
{
    public static async Task<LoadResult> RunAsync(LoadScenario scenario, string target, Uri baseAddress, LoadOptions options, byte[] token)
    {
        await using var workers = await scenario.CreateWorkersAsync(baseAddress, scenario.Concurrency(options)).ConfigureAwait(false);

        await RunForAsync(workers.Workers, options.Warmup, token, null).ConfigureAwait(false);
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var samples = new Samples();
        var watch = Stopwatch.StartNew();
        await RunForAsync(workers.Workers, options.Duration, token, samples).ConfigureAwait(false);
        var seconds = watch.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var requests = samples.Latencies.Count;
        return new LoadResult(
            scenario.Name,
            target,
            requests,
            samples.Errors,
            seconds,
            scenario.CountsTokens ? (long)requests * options.Tokens : 0,
            Percentile(samples.Latencies, 0.50),
            Percentile(samples.Latencies, 0.99),
            Percentile(samples.FirstTokens, 0.50),
            Percentile(samples.FirstTokens, 0.99),
            requests == 0 ? 0 : allocated / requests,
            requests == 0 ? 0 : cpu.TotalMicroseconds / requests);
    }

    private static async Task RunForAsync(IReadOnlyList<ILoadWorker> workers, TimeSpan duration, byte[] token, Samples? samples)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                while (Stopwatch.GetTimestamp() < until)
                {
                    var start = Stopwatch.GetTimestamp();
                    try
                    {
                        var firstToken = await worker.RunOnceAsync(token, buffer).ConfigureAwait(false);
                        samples?.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds, firstToken);
                    }
#pragma warning disable CA1031 // A failed request is counted, not fatal: the run reports errors.
                    catch (Exception)
#pragma warning restore CA1031
                    {
                        samples?.AddError();
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }))).ConfigureAwait(false);
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
