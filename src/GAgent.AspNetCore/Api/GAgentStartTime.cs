namespace GAgent.AspNetCore.Api;

/// <summary>When the GAgent services were created, for uptime in <c>/api/status</c>.</summary>
internal sealed class GAgentStartTime(TimeProvider time)
{
    public DateTimeOffset Value { get; } = time.GetUtcNow();
}
