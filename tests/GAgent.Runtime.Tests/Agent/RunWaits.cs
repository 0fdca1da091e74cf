using GAgent.Runs;

namespace GAgent.Runtime.Tests.Agent;

/// <summary>Waits for a run to end and, when it does not, says where it stood, so a rare stall on CI can be diagnosed.</summary>
internal static class RunWaits
{
    public static async Task EndAsync(this IAgentRun run)
    {
        try
        {
            await run.Completion.WaitAsync(TestRuntime.Timeout);
        }
        catch (TimeoutException ex)
        {
            var seen = new List<string>();
            using var briefly = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await foreach (var agentEvent in run.ReadEventsAsync(0, RunEventDelivery.EveryDelta, briefly.Token))
                {
                    seen.Add(agentEvent.Type);
                }
            }
            catch (OperationCanceledException)
            {
                // Expected: the run has not ended, so its event stream does not either.
            }

            throw new TimeoutException(
                $"Run {run.Id} did not end within {TestRuntime.Timeout.TotalSeconds:0} s: status {run.Status}, last sequence {run.LastSequence}, events [{string.Join(", ", seen)}].",
                ex);
        }
    }
}
