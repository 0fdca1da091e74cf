namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A schedule: <c>{"cron","timeZone"}</c> or <c>{"intervalSeconds"}</c>.</summary>
internal sealed class RoutineScheduleRequest
{
    public string? Cron { get; set; }

    public string? TimeZone { get; set; }

    public long? IntervalSeconds { get; set; }
}
