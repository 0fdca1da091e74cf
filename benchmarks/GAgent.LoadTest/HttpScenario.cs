namespace GAgent.LoadTest;

/// <summary>POSTs one JSON body to one path and reads the answer to its end (an SSE stream or a JSON document).</summary>
internal sealed class HttpScenario(string name, string path, byte[] body, bool countsTokens, int? concurrency = null) : LoadScenario(name, countsTokens)
{
    public override int Concurrency(LoadOptions options) => concurrency ?? options.Concurrency;

    public override Task<ScenarioWorkers> CreateWorkersAsync(Uri baseAddress, int count)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = count, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var workers = Enumerable.Range(0, count).Select(_ => (ILoadWorker)new HttpWorker(client, path, body)).ToList();
        return Task.FromResult(new ScenarioWorkers(workers, client));
    }
}
