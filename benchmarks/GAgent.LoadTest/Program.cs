using System.Diagnostics;
using System.Text;
using GAgent.LoadTest;

// GAgent against a bare Kestrel baseline writing the same bytes, in one process run, over loopback.
var options = LoadOptions.Parse(args);
var data = Path.Combine(Path.GetTempPath(), "gagent-load", Guid.NewGuid().ToString("N"));
await using var gagent = await Servers.StartGAgentAsync(options, data);
using var captureClient = new HttpClient { BaseAddress = Servers.Address(gagent) };
var captured = await CapturedResponses.CaptureAsync(captureClient);
await using var baseline = await Servers.StartBaselineAsync(captured);
var token = Encoding.UTF8.GetBytes(new string('x', Math.Max(1, options.TokenSize - 1)) + " ");

var results = new List<LoadResult>();
foreach (var (scenario, stream) in new[] { ("chat, streamed", true), ("chat, not streamed", false) })
{
    Console.Error.WriteLine($"Measuring {scenario}...");
    results.Add(await LoadDriver.RunAsync(scenario, "baseline", Servers.Address(baseline), stream, options, token));
    results.Add(await LoadDriver.RunAsync(scenario, "gagent", Servers.Address(gagent), stream, options, token));
}

var peak = Process.GetCurrentProcess().PeakWorkingSet64;
Console.WriteLine(Report.Markdown(options, results, peak));
if (options.JsonPath is not null)
{
    await File.WriteAllTextAsync(options.JsonPath, Report.Json(options, results, peak));
}

await gagent.StopAsync();
await baseline.StopAsync();
if (Directory.Exists(data))
{
    Directory.Delete(data, recursive: true);
}
