using System.Diagnostics;
using System.Globalization;
using System.Text;
using GAgent.LoadTest;

// Child mode of the idle WebSocket scale run: hold N sockets open until stdin closes.
if (args is ["--hold-sockets", var url, "--count", var count])
{
    return await IdleSockets.HoldAsync(new Uri(url), int.Parse(count, CultureInfo.InvariantCulture));
}

if (LoadOptions.WantsHelp(args))
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var data = Path.Combine(Path.GetTempPath(), "gagent-load", Guid.NewGuid().ToString("N"));
try
{
    if (options.Scale)
    {
        var scale = await ScaleRuns.RunAsync(options, data);
        Console.WriteLine(Report.ScaleMarkdown(scale));
        if (options.JsonPath is not null)
        {
            await File.WriteAllTextAsync(options.JsonPath, Report.ScaleJson(scale));
        }

        return 0;
    }

    // GAgent against a bare Kestrel baseline writing the same bytes, in one process run, over loopback.
    await using var gagent = await Servers.StartGAgentAsync(options, data);
    var captured = await CapturedResponses.CaptureAsync(Servers.Address(gagent));
    await using var baseline = await Servers.StartBaselineAsync(captured, options.WholeReplyBaseline);
    var token = Encoding.UTF8.GetBytes(new string('x', Math.Max(1, options.TokenSize - 1)) + " ");

    LoadScenario[] scenarios =
    [
        new HttpScenario("chat, streamed", "/v1/chat/completions", LoadRequests.StreamedChat, countsTokens: true),
        new HttpScenario("chat, not streamed", "/v1/chat/completions", LoadRequests.Chat, countsTokens: false),
        new HttpScenario("responses, streamed", "/v1/responses", LoadRequests.StreamedResponse, countsTokens: true),
        new WebSocketScenario(),
        new HttpScenario(Report.FirstTokenScenario, "/v1/chat/completions", LoadRequests.StreamedChat, countsTokens: true, concurrency: 1),
    ];
    var results = new List<LoadResult>();
    foreach (var scenario in scenarios.Where(s => options.Scenario is null || s.Name.Contains(options.Scenario, StringComparison.OrdinalIgnoreCase)))
    {
        Console.Error.WriteLine($"Measuring {scenario.Name}...");
        using var sampler = options.AllocationTypes ? new AllocationSampler() : null;
        var (baselineResult, gagentResult) = await LoadDriver.CompareAsync(scenario, Servers.Address(baseline), Servers.Address(gagent), options, token, sampler);
        results.Add(baselineResult);
        results.Add(gagentResult);
        if (sampler is not null)
        {
            Console.Error.WriteLine($"Allocations of GAgent's {scenario.Name} (sampled, whole process, GAgent's measured phase only):");
            foreach (var (type, bytes) in sampler.Stop().Take(20))
            {
                Console.Error.WriteLine($"  {bytes / 1024.0 / 1024.0,10:0.0} MB  {type}");
            }
        }
    }

    var peak = Process.GetCurrentProcess().PeakWorkingSet64;
    Console.WriteLine(Report.Markdown(options, results, peak));
    if (options.JsonPath is not null)
    {
        await File.WriteAllTextAsync(options.JsonPath, Report.Json(options, results, peak));
    }

    await gagent.StopAsync();
    await baseline.StopAsync();
    return 0;
}
finally
{
    if (Directory.Exists(data))
    {
        Directory.Delete(data, recursive: true);
    }
}
