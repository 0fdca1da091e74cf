using GAgent.Models;
using GAgent.Configuration;
using Microsoft.Extensions.Options;

namespace GAgent.Samples.Host;

/// <summary>Tells the person who started the host where it listens, where data lives and which model answers.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, bool providerConfigured)
    {
        var models = app.Services.GetRequiredService<IModelCatalog>();
        var options = app.Services.GetRequiredService<IOptions<GAgentOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GAgent.Host");
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"GAgent is listening on {url}  (OpenAI API: {url}/v1, control API: {url}/api)");
        }

        Console.WriteLine($"Data directory: {options.DataDirectory}");
        Console.WriteLine(providerConfigured
            ? $"Model: {models.DefaultModel.Id} ({models.DefaultModel.OwnedBy})"
            : $"Model: {models.DefaultModel.Id} — the OFFLINE DEMO model (no provider configured; set OPENAI_API_KEY or GAgent:OpenAI to use a real one)");
        HostLog.Started(logger, models.DefaultModel.Id);
    }
}
