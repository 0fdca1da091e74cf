using GAgent.Diagnostics;
using GAgent.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GAgent.Demo;

/// <summary>Says loudly at start when the offline demo model is what answers, so nobody mistakes it for a real model.</summary>
internal sealed class DemoModelNotice(IModelCatalog models, ILogger<DemoModelNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (models.DefaultModel.IsDemo)
        {
            RuntimeLog.UsingDemoModel(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
