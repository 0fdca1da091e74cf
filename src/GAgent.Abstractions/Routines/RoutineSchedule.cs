namespace GAgent.Routines;

/// <summary>
/// When a routine runs: a cron expression (<see cref="Cron"/>, read in <see cref="TimeZone"/>) or a fixed
/// <see cref="Interval"/> of at least a minute. Exactly one of the two is set.
/// </summary>
public sealed record RoutineSchedule
{
    /// <summary>The shortest interval accepted.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    /// <summary>The longest interval accepted.</summary>
    public static readonly TimeSpan MaximumInterval = TimeSpan.FromDays(366);

    /// <summary>A five-field cron expression (see <see cref="CronExpression"/>).</summary>
    public string? Cron { get; init; }

    /// <summary>The IANA (or Windows) time zone id the cron expression is read in; null means UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>A fixed interval between runs, counted from the previous occurrence.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>A cron schedule.</summary>
    public static RoutineSchedule FromCron(string cron, string? timeZone = null) => new() { Cron = cron, TimeZone = timeZone };

    /// <summary>An interval schedule.</summary>
    public static RoutineSchedule Every(TimeSpan interval) => new() { Interval = interval };

    /// <summary>
    /// Checks the schedule and throws an <see cref="ArgumentException"/> whose parameter name is the field at fault
    /// (<c>schedule.cron</c>, <c>schedule.timeZone</c>, <c>schedule.interval</c>) and whose message says how to fix it.
    /// </summary>
    public void Validate()
    {
        if (Cron is null == Interval is null)
        {
            throw new ArgumentException("A schedule needs exactly one of 'cron' (with an optional 'timeZone') or an interval.", "schedule");
        }

        if (Interval is { } interval)
        {
            if (interval < MinimumInterval || interval > MaximumInterval)
            {
                throw new ArgumentException($"The interval {interval} is out of range: use at least {MinimumInterval} and at most {MaximumInterval.TotalDays} days.", "schedule.interval");
            }

            if (TimeZone is not null)
            {
                throw new ArgumentException("'timeZone' applies to cron schedules only; remove it from an interval schedule.", "schedule.timeZone");
            }

            return;
        }

        try
        {
            _ = CronExpression.Parse(Cron!);
        }
        catch (CronFormatException ex)
        {
            throw new ArgumentException(ex.Message, "schedule.cron", ex);
        }

        _ = ResolveTimeZone();
    }

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>, in UTC: the cron expression's next time in the time
    /// zone, or <paramref name="after"/> plus the interval. Null when a cron expression has no further occurrence.
    /// </summary>
    /// <exception cref="ArgumentException">The schedule is invalid (see <see cref="Validate"/>).</exception>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after)
    {
        Validate();
        return Interval is { } interval ? (after + interval).ToUniversalTime() : CronExpression.Parse(Cron!).GetNextOccurrence(after, ResolveTimeZone())?.ToUniversalTime();
    }

    /// <summary>The time zone the cron expression is read in.</summary>
    /// <exception cref="ArgumentException">The time zone id is unknown.</exception>
    public TimeZoneInfo ResolveTimeZone()
    {
        if (TimeZone is null || TimeZone.Equals("UTC", StringComparison.OrdinalIgnoreCase) || TimeZone.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        if (TimeZone.Length > 64 || TimeZone.Contains("..", StringComparison.Ordinal) || TimeZone.StartsWith('/') || !TimeZone.All(static c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+' or ' ' or '.'))
        {
            throw new ArgumentException($"'{TimeZone}' is not a time zone id; use an IANA id such as 'Europe/Berlin' or 'America/New_York', or 'UTC'.", "schedule.timeZone");
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new ArgumentException($"'{TimeZone}' is not a known time zone; use an IANA id such as 'Europe/Berlin' or 'America/New_York', or 'UTC'.", "schedule.timeZone", ex);
        }
    }
}
