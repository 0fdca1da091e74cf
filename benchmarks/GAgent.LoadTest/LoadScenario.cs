namespace GAgent.LoadTest;

/// <summary>A kind of traffic measured against both targets: what the clients send and how they read the answer.</summary>
internal abstract class LoadScenario(string name, bool countsTokens)
{
    public string Name => name;

    /// <summary>True when the answer streams tokens, so tokens/s and the first token are reported.</summary>
    public bool CountsTokens => countsTokens;

    /// <summary>How many clients run at once; some scenarios (time to first token) use fewer than the run's default.</summary>
    public virtual int Concurrency(LoadOptions options) => options.Concurrency;

    /// <summary>Creates <paramref name="count"/> workers against <paramref name="baseAddress"/>, with whatever they share.</summary>
    public abstract Task<ScenarioWorkers> CreateWorkersAsync(Uri baseAddress, int count);
}
