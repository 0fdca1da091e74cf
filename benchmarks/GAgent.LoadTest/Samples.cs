namespace GAgent.LoadTest;

/// <summary>Latency samples collected by all workers of one measurement.</summary>
internal sealed class Samples
{
    private readonly Lock _gate = new();
    private long _errors;

    public List<double> Latencies { get; } = [];

    public List<double> FirstTokens { get; } = [];

    public long Errors => Interlocked.Read(ref _errors);

    public void Add(double latencyMs, double firstTokenMs)
    {
        lock (_gate)
        {
            Latencies.Add(latencyMs);
            if (firstTokenMs >= 0)
            {
                FirstTokens.Add(firstTokenMs);
            }
        }
    }

    public void AddError() => Interlocked.Increment(ref _errors);
}
