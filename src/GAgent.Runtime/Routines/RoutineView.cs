namespace GAgent.Routines;

/// <summary>A routine as the control API returns it and <c>gagent.routine.updated</c> carries it.</summary>
internal sealed record RoutineView(
    string Id,
    string Name,
    string Prompt,
    RoutineScheduleView Schedule,
    RoutineTargetView Target,
    string? Model,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextRunAt,
    DateTimeOffset? LastScheduledFor,
    RoutineRunView? LastRun);
