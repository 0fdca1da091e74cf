using System.Text.Json;
using GAgent.Events;
using Microsoft.Extensions.Hosting;

namespace GAgent.Agent;

/// <summary>
/// Publishes <c>gagent.run.status</c> when a run of a stored session is registered and when it ends, so session lists
/// can show which sessions are busy without following each one. Ephemeral runs (OpenAI requests without a session)
/// are not announced: they belong to no session anyone lists.
/// </summary>
internal sealed class RunStatusNotifier(RunRegistry registry, IGAgentEventBus bus, TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        registry.RunRegistered += OnRegistered;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        registry.RunRegistered -= OnRegistered;
        return Task.CompletedTask;
    }

    private void OnRegistered(AgentRun run)
    {
        if (!run.IsPersistent)
        {
            return;
        }

        Publish(run);
        _ = run.Completion.ContinueWith(static (_, state) =>
        {
            var (notifier, finished) = ((RunStatusNotifier, AgentRun))state!;
            notifier.Publish(finished);
        }, (this, run), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Publish(AgentRun run) => bus.Publish(new GAgentNotification
    {
        Name = GAgentEventNames.RunStatus,
        Value = JsonSerializer.SerializeToElement(new RunStatusPayload(run.Id, run.SessionId, run.Status.ToString().ToLowerInvariant()), RuntimeJsonContext.Default.RunStatusPayload),
        Timestamp = time.GetUtcNow(),
    });
}
