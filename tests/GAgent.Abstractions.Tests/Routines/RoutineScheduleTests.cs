using GAgent.Routines;

namespace GAgent.Abstractions.Tests.Routines;

public sealed class RoutineScheduleTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Interval_schedules_add_the_interval()
        => Assert.Equal(Now.AddMinutes(90), RoutineSchedule.Every(TimeSpan.FromMinutes(90)).GetNextOccurrence(Now));

    [Fact]
    public void Cron_schedules_use_their_time_zone_and_default_to_utc()
    {
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 9, 0, 0, TimeSpan.Zero), RoutineSchedule.FromCron("0 9 * * *").GetNextOccurrence(Now));
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 8, 0, 0, TimeSpan.Zero), RoutineSchedule.FromCron("0 9 * * *", "Europe/Berlin").GetNextOccurrence(Now));
    }

    [Theory]
    [InlineData(null, null, null, "schedule")]
    [InlineData("0 9 * * *", null, 60, "schedule")]
    [InlineData(null, null, 59, "schedule.interval")]
    [InlineData(null, "UTC", 60, "schedule.timeZone")]
    [InlineData("61 9 * * *", null, null, "schedule.cron")]
    [InlineData("0 9 * * *", "Mars/Olympus_Mons", null, "schedule.timeZone")]
    [InlineData("0 9 * * *", "../../../etc/passwd", null, "schedule.timeZone")]
    [InlineData("0 9 * * *", "/etc/localtime", null, "schedule.timeZone")]
    public void Invalid_schedules_name_the_field(string? cron, string? timeZone, int? intervalSeconds, string field)
    {
        var schedule = new RoutineSchedule { Cron = cron, TimeZone = timeZone, Interval = intervalSeconds is int s ? TimeSpan.FromSeconds(s) : null };
        var error = Assert.Throws<ArgumentException>(schedule.Validate);
        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void A_bad_cron_expression_keeps_the_parser_message()
    {
        var error = Assert.Throws<ArgumentException>(RoutineSchedule.FromCron("0 9 * * FUNDAY").Validate);
        Assert.Contains("day-of-week", error.Message, StringComparison.Ordinal);
        Assert.Contains("FUNDAY", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("rt_0198f3a2c4b07c1e9f0a1b2c3d4e5f60")]
    public void Routine_ids_accept_safe_names(string id) => Assert.True(RoutineIds.IsValid(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("a.json")]
    [InlineData("a b")]
    public void Routine_ids_refuse_anything_else(string? id) => Assert.False(RoutineIds.IsValid(id));

    [Fact]
    public void Routine_ids_are_bounded_so_the_author_name_fits_openai()
    {
        Assert.True(RoutineIds.IsValid(new string('a', RoutineIds.MaxLength)));
        Assert.False(RoutineIds.IsValid(new string('a', RoutineIds.MaxLength + 1)));
        Assert.True(RoutineIds.IsValid(RoutineIds.New()));
        Assert.True(("routine-" + new string('a', RoutineIds.MaxLength)).Length <= 64);
    }
}
