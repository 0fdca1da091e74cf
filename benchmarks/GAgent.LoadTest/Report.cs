using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GAgent.LoadTest;

/// <summary>Prints results as a Markdown table (GAgent next to the baseline, with their ratio) and as JSON.</summary>
internal static class Report
{
    /// <summary>The scenario whose first-token latency, with one client, shows the gateway's own time-to-first-token overhead.</summary>
    public const string FirstTokenScenario = "chat, streamed, 1 client";

    public static string Markdown(LoadOptions options, IReadOnlyList<LoadResult> results, long peakWorkingSet)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Load run: {options.Concurrency} concurrent clients, {options.Tokens} tokens of {options.TokenSize} bytes per reply, {options.Duration.TotalSeconds:0} s per measurement, {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| scenario | metric | GAgent | baseline | GAgent/baseline |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var scenario in results.GroupBy(static r => r.Scenario))
        {
            var gagent = scenario.Single(static r => r.Target == "gagent");
            var baseline = scenario.Single(static r => r.Target == "baseline");
            Row(text, scenario.Key, "requests/s", gagent.RequestsPerSecond, baseline.RequestsPerSecond);
            if (gagent.Tokens > 0)
            {
                Row(text, scenario.Key, "tokens/s", gagent.TokensPerSecond, baseline.TokensPerSecond);
                Row(text, scenario.Key, "first token p50 (ms)", gagent.FirstTokenP50Ms, baseline.FirstTokenP50Ms);
                Row(text, scenario.Key, "first token p99 (ms)", gagent.FirstTokenP99Ms, baseline.FirstTokenP99Ms);
            }

            Row(text, scenario.Key, "latency p50 (ms)", gagent.LatencyP50Ms, baseline.LatencyP50Ms);
            Row(text, scenario.Key, "latency p99 (ms)", gagent.LatencyP99Ms, baseline.LatencyP99Ms);
            Row(text, scenario.Key, "allocated/request, whole process (B)", gagent.AllocatedBytesPerRequest, baseline.AllocatedBytesPerRequest);
            Row(text, scenario.Key, "CPU/request, whole process (µs)", gagent.CpuMicrosecondsPerRequest, baseline.CpuMicrosecondsPerRequest);
            Row(text, scenario.Key, "CPU used, whole process (% of all cores)", gagent.CpuUsedPercent, baseline.CpuUsedPercent);
            Row(text, scenario.Key, "GC pauses (% of the time)", gagent.GcPausePercent, baseline.GcPausePercent);
            Row(text, scenario.Key, "errors", gagent.Errors, baseline.Errors);
            if (scenario.Key == FirstTokenScenario)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario.Key} | first token overhead p50 / p99 (ms) | {gagent.FirstTokenP50Ms - baseline.FirstTokenP50Ms:0.###} / {gagent.FirstTokenP99Ms - baseline.FirstTokenP99Ms:0.###} | | |");
            }
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Peak working set of the process (both servers and all clients): {peakWorkingSet / (1024.0 * 1024.0):0.0} MiB.");
        return text.ToString();
    }

    public static string Json(LoadOptions options, IReadOnlyList<LoadResult> results, long peakWorkingSet)
        => JsonSerializer.Serialize(new LoadReport(options.Concurrency, options.Tokens, options.TokenSize, options.Duration.TotalSeconds, Environment.ProcessorCount, peakWorkingSet, results), LoadJsonContext.Default.LoadReport);

    public static string ScaleMarkdown(IReadOnlyList<ScaleResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Scale runs: GAgent with the file session store, {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| measurement | value | target | met |");
        text.AppendLine("|---|---:|---|---|");
        foreach (var result in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {result.Measurement} | {result.Value:0.##} {result.Unit} | {result.Target} | {(result.Met ? "yes" : "no")} |");
        }

        return text.ToString();
    }

    public static string ScaleJson(IReadOnlyList<ScaleResult> results)
        => JsonSerializer.Serialize(new ScaleReport(Environment.ProcessorCount, results), LoadJsonContext.Default.ScaleReport);

    private static void Row(StringBuilder text, string scenario, string metric, double gagent, double baseline)
    {
        var ratio = baseline == 0 ? "n/a" : (gagent / baseline).ToString("0.00", CultureInfo.InvariantCulture);
        text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {metric} | {gagent:0.##} | {baseline:0.##} | {ratio} |");
    }
}
