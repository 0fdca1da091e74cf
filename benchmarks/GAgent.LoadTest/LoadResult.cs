namespace GAgent.LoadTest;

/// <summary>What one target did in one scenario.</summary>
internal sealed record LoadResult(
    string Scenario,
    string Target,
    long Requests,
    long Errors,
    double Seconds,
    long Tokens,
    double LatencyP50Ms,
    double LatencyP99Ms,
    double FirstTokenP50Ms,
    double FirstTokenP99Ms,
    long AllocatedBytesPerRequest,
    double CpuMicrosecondsPerRequest)
{
    public double RequestsPerSecond => Requests / Seconds;

    public double TokensPerSecond => Tokens / Seconds;
}
