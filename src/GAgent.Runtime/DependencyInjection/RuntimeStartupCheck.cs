using GAgent.Diagnostics;
using GAgent.Models;
using GAgent.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GAgent.DependencyInjection;

/// <summary>
/// Builds the model catalog and the toolbox when the host starts, so a missing or invalid model or a duplicate tool
/// stops the app at start with a clear message instead of failing the first request. Says loudly when the offline
/// demo model is what answers.
/// </summary>
internal sealed class RuntimeStartupCheck(IServiceProvider services, ILogger<RuntimeStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var models = services.GetRequiredService<IModelCatalog>();
        _ = services.GetRequiredService<AgentToolbox>();
        if (models.DefaultModel.IsDemo)
        {
            RuntimeLog.UsingDemoModel(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
