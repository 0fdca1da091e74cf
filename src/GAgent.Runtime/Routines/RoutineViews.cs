using GAgent.Channels;

namespace GAgent.Routines;

/// <summary>Turns routines into their wire shapes.</summary>
internal static class RoutineViews
{
    public static RoutineView ToView(Routine routine)
    {
        var definition = routine.Definition;
        var schedule = definition.Schedule;
        var target = definition.Target;
        return new RoutineView(
            routine.Id,
            definition.Name,
            definition.Prompt,
            new RoutineScheduleView(schedule.Cron, schedule.Cron is null ? null : schedule.TimeZone ?? "UTC", schedule.Interval is { } interval ? (long)interval.TotalSeconds : null),
            new RoutineTargetView(SessionOf(target), target.ChannelName, target.ChatId),
            definition.ModelId,
            definition.Enabled,
            routine.CreatedAt,
            routine.UpdatedAt,
            routine.NextRunAt,
            routine.LastScheduledFor,
            routine.LastRun is { } run ? ToView(run) : null);
    }

    public static RoutineRunView ToView(RoutineRun run)
        => new(run.RunId, run.SessionId, Name(run.Trigger), run.ScheduledFor, run.StartedAt, run.FinishedAt, Name(run.Status), run.Error);

    public static RoutineRunEventView ToEvent(string routineId, RoutineRun run)
        => new(routineId, run.RunId, run.SessionId, Name(run.Trigger), run.ScheduledFor, run.StartedAt, run.FinishedAt, Name(run.Status), run.Error);

    /// <summary>The session a target runs in: the session itself, or the channel conversation's session.</summary>
    public static string SessionOf(RoutineTarget target)
        => target.SessionId ?? ChannelSessionIds.For(target.ChannelName!, target.ChatId!);

    public static string Name(RoutineRunStatus status) => status switch
    {
        RoutineRunStatus.Running => "running",
        RoutineRunStatus.Completed => "completed",
        RoutineRunStatus.Interrupted => "interrupted",
        RoutineRunStatus.Failed => "failed",
        RoutineRunStatus.Cancelled => "cancelled",
        RoutineRunStatus.SkippedBusy => "skipped_busy",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Name(RoutineRunTrigger trigger) => trigger switch
    {
        RoutineRunTrigger.Schedule => "schedule",
        RoutineRunTrigger.CatchUp => "catch_up",
        RoutineRunTrigger.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
