using GAgent.Agent;
using GAgent.Runs;

namespace GAgent.Channels;

/// <summary>
/// Hands the continuation of a run that paused for approvals to the channel conversation the paused run answered,
/// so a channel user gets the answer once the owner decides. The continuation may register before the paused run's
/// delivery has read its end (a quick owner), so either side may arrive first; unmatched entries expire.
/// </summary>
internal sealed class ChannelContinuations(TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromDays(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Action<IAgentRun> Deliver, DateTimeOffset At)> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IAgentRun Run, DateTimeOffset At)> _early = new(StringComparer.Ordinal);

    /// <summary>Delivers the continuation of <paramref name="pausedRunId"/> with <paramref name="deliver"/> when it starts (or now, if it already did).</summary>
    public void Expect(string pausedRunId, Action<IAgentRun> deliver)
    {
        IAgentRun? started = null;
        lock (_gate)
        {
            Sweep();
            if (_early.Remove(pausedRunId, out var early))
            {
                started = early.Run;
            }
            else
            {
                _waiting[pausedRunId] = (deliver, time.GetUtcNow());
            }
        }

        if (started is not null)
        {
            deliver(started);
        }
    }

    /// <summary>Fed by the run registry: matches continuations (runs with <see cref="AgentRunRequest.ResumeFromRunId"/>) to waiting conversations.</summary>
    public void OnRunRegistered(AgentRun run)
    {
        if (run.Request.ResumeFromRunId is not { } paused)
        {
            return;
        }

        Action<IAgentRun>? deliver = null;
        lock (_gate)
        {
            Sweep();
            if (_waiting.Remove(paused, out var waiting))
            {
                deliver = waiting.Deliver;
            }
            else
            {
                _early[paused] = (run, time.GetUtcNow());
            }
        }

        deliver?.Invoke(run);
    }

    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - Keep;
        foreach (var (id, entry) in _waiting)
        {
            if (entry.At < cutoff)
            {
                _waiting.Remove(id);
            }
        }

        // Continuations of runs no channel answered (the web UI, the API) are matched at once or never: keep them briefly.
        var earlyCutoff = time.GetUtcNow() - TimeSpan.FromMinutes(10);
        foreach (var (id, entry) in _early)
        {
            if (entry.At < earlyCutoff)
            {
                _early.Remove(id);
            }
        }
    }
}
