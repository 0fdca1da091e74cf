namespace GAgent.LoadTest;

/// <summary>The workers of one measurement and what they share (a connection pool), disposed together.</summary>
internal sealed record ScenarioWorkers(IReadOnlyList<ILoadWorker> Workers, IDisposable? Shared) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        foreach (var worker in Workers)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }

        Shared?.Dispose();
    }
}
