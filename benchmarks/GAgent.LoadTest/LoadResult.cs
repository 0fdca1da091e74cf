namespace GAgent.LoadTest;

/// <summary>
/// What one target did in one scenario. <see cref="CpuUsedPercent"/> is the process's CPU time over its phases' wall
/// time on all cores: near 100 means the comparison is CPU-bound and the ratio is the two targets' CPU cost per request;
/// well below, something waits. <see cref="GcPausePercent"/> is the share of the phases' wall time the process was
/// paused for garbage collection.
/// </summary>
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
    double CpuMicrosecondsPerRequest,
    double CpuUsedPercent,
    double GcPausePercent)
{
    public double RequestsPerSecond => Requests / Seconds;

    public double TokensPerSecond => Tokens / Seconds;
}
