using System.Buffers;
using System.Diagnostics;

namespace GAgent.LoadTest;

/// <summary>
/// Drives a scenario's concurrent loopback clients against the baseline and GAgent and measures what they saw. The
/// measured time is split into rounds that alternate between the two targets, so a neighbour's burst of load on a
/// shared machine falls on both rather than on whichever target was being measured at the time.
/// </summary>
internal static class LoadDriver
{
    public static async Task<(LoadResult Baseline, LoadResult GAgent)> CompareAsync(
        LoadScenario scenario, Uri baselineAddress, Uri gagentAddress, LoadOptions options, byte[] token, AllocationSampler? sampler)
    {
        var concurrency = scenario.Concurrency(options);
        await using var baselineWorkers = await scenario.CreateWorkersAsync(baselineAddress, concurrency).ConfigureAwait(false);
        await using var gagentWorkers = await scenario.CreateWorkersAsync(gagentAddress, concurrency).ConfigureAwait(false);
        await RunForAsync(baselineWorkers.Workers, options.Warmup, token, null).ConfigureAwait(false);
        await RunForAsync(gagentWorkers.Workers, options.Warmup, token, null).ConfigureAwait(false);

        // Sampling allocation types needs GAgent's phase to be one stretch of time.
        var rounds = sampler is null ? Math.Max(1, options.Rounds) : 1;
        var phase = options.Duration / rounds;
        var baseline = new Measurement();
        var gagent = new Measurement();
        for (var round = 0; round < rounds; round++)
        {
            await MeasureAsync(baselineWorkers.Workers, phase, token, baseline).ConfigureAwait(false);
            sampler?.Start();
            await MeasureAsync(gagentWorkers.Workers, phase, token, gagent).ConfigureAwait(false);
        }

        return (baseline.ToResult(scenario, "baseline", options), gagent.ToResult(scenario, "gagent", options));
    }

    private static async Task MeasureAsync(IReadOnlyList<ILoadWorker> workers, TimeSpan duration, byte[] token, Measurement measurement)
    {
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var pausedBefore = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        await RunForAsync(workers, duration, token, measurement.Samples).ConfigureAwait(false);
        measurement.Seconds += watch.Elapsed.TotalSeconds;
        measurement.GcPause += GC.GetTotalPauseDuration() - pausedBefore;
        measurement.Allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        measurement.Cpu += process.TotalProcessorTime - cpuBefore;
    }

    /// <summary>What one target's phases added up to.</summary>
    private sealed class Measurement
    {
        public Samples Samples { get; } = new();

        public double Seconds { get; set; }

        public long Allocated { get; set; }

        public TimeSpan Cpu { get; set; }

        public TimeSpan GcPause { get; set; }

        public LoadResult ToResult(LoadScenario scenario, string target, LoadOptions options)
        {
            var requests = Samples.Latencies.Count;
            return new LoadResult(
                scenario.Name,
                target,
                requests,
                Samples.Errors,
                Seconds,
                scenario.CountsTokens ? (long)requests * options.Tokens : 0,
                Percentile(Samples.Latencies, 0.50),
                Percentile(Samples.Latencies, 0.99),
                Percentile(Samples.FirstTokens, 0.50),
                Percentile(Samples.FirstTokens, 0.99),
                requests == 0 ? 0 : Allocated / requests,
                requests == 0 ? 0 : Cpu.TotalMicroseconds / requests,
                Seconds == 0 ? 0 : 100 * Cpu.TotalSeconds / (Seconds * Environment.ProcessorCount),
                Seconds == 0 ? 0 : 100 * GcPause.TotalSeconds / Seconds);
        }
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
