using System.Globalization;
using GAgent.Routines;

namespace GAgent.Abstractions.Tests.Routines;

public sealed class CronExpressionTests
{
    private static readonly DateTimeOffset NewYear2025 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value + "Z", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Next(string expression, DateTimeOffset after, TimeZoneInfo? zone = null)
        => CronExpression.Parse(expression).GetNextOccurrence(after, zone ?? TimeZoneInfo.Utc);

    // Expected values checked against a brute-force minute-by-minute evaluator.
    [Theory]
    [InlineData("*/5 * * * *", "2025-01-01T00:05")]
    [InlineData("0 9 * * MON-FRI", "2025-01-01T09:00")]
    [InlineData("30 14 1,15 * *", "2025-01-01T14:30")]
    [InlineData("0 0 1 JAN *", "2026-01-01T00:00")]
    [InlineData("0 12 * * 0", "2025-01-05T12:00")]
    [InlineData("0 12 * * 7", "2025-01-05T12:00")]
    [InlineData("15 10 * 3 *", "2025-03-01T10:15")]
    [InlineData("1-10/2 * * * *", "2025-01-01T00:01")]
    [InlineData("0 0 13 * FRI", "2025-01-03T00:00")]
    [InlineData("0 0 29 2 *", "2028-02-29T00:00")]
    [InlineData("5/20 3 * * *", "2025-01-01T03:05")]
    [InlineData("0 22 * * 1-5", "2025-01-01T22:00")]
    [InlineData("0 0 * * SAT,SUN", "2025-01-04T00:00")]
    [InlineData("59 23 31 12 *", "2025-12-31T23:59")]
    [InlineData("0 0 1 */3 *", "2025-04-01T00:00")]
    [InlineData("0 0 15 * MON", "2025-01-06T00:00")]
    [InlineData("0 0 * jan mon", "2025-01-06T00:00")]
    [InlineData("@hourly", "2025-01-01T01:00")]
    [InlineData("@daily", "2025-01-02T00:00")]
    [InlineData("@midnight", "2025-01-02T00:00")]
    [InlineData("@weekly", "2025-01-05T00:00")]
    [InlineData("@monthly", "2025-02-01T00:00")]
    [InlineData("@yearly", "2026-01-01T00:00")]
    [InlineData("@ANNUALLY", "2026-01-01T00:00")]
    public void Next_occurrence_in_utc(string expression, string expected)
        => Assert.Equal(Utc(expected), Next(expression, NewYear2025));

    [Fact]
    public void Successive_occurrences_follow_the_fields()
    {
        var cron = CronExpression.Parse("0 9 * * MON-FRI");
        var times = new List<DateTimeOffset>();
        var at = NewYear2025;
        for (var i = 0; i < 5; i++)
        {
            at = cron.GetNextOccurrence(at, TimeZoneInfo.Utc)!.Value;
            times.Add(at);
        }

        // Wednesday 1st, Thursday, Friday, then Monday and Tuesday.
        Assert.Equal([Utc("2025-01-01T09:00"), Utc("2025-01-02T09:00"), Utc("2025-01-03T09:00"), Utc("2025-01-06T09:00"), Utc("2025-01-07T09:00")], times);
    }

    [Fact]
    public void The_next_occurrence_is_strictly_after_the_given_time()
    {
        Assert.Equal(Utc("2025-01-02T09:00"), Next("0 9 * * *", Utc("2025-01-01T09:00")));
        Assert.Equal(Utc("2025-01-01T09:00"), Next("0 9 * * *", Utc("2025-01-01T08:59:30")));
        Assert.Equal(Utc("2025-01-01T09:01"), Next("* * * * *", Utc("2025-01-01T09:00:00.001")));
    }

    [Fact]
    public void The_offset_of_the_given_time_does_not_matter()
        => Assert.Equal(Utc("2025-01-01T09:00"), Next("0 9 * * *", new DateTimeOffset(2025, 1, 1, 13, 0, 0, TimeSpan.FromHours(5))));

    [Fact]
    public void February_29th_occurs_in_leap_years_only()
    {
        Assert.Equal(Utc("2028-02-29T00:00"), Next("0 0 29 2 *", Utc("2025-03-01T00:00")));
        Assert.Equal(Utc("2032-02-29T00:00"), Next("0 0 29 2 *", Utc("2028-02-29T00:00")));
    }

    [Theory]
    [InlineData("0 0 30 2 *")]
    [InlineData("0 0 31 4 *")]
    [InlineData("0 0 31 6,9,11 *")]
    public void A_day_that_never_exists_has_no_occurrence(string expression)
        => Assert.Null(Next(expression, NewYear2025));

    [Fact]
    public void Fields_are_read_in_the_time_zone()
    {
        // 09:00 in Berlin is 08:00 UTC in winter and 07:00 UTC in summer.
        Assert.Equal(Utc("2025-01-01T08:00"), Next("0 9 * * *", NewYear2025, Berlin));
        Assert.Equal(Utc("2025-07-01T07:00"), Next("0 9 * * *", Utc("2025-06-30T12:00"), Berlin));
        Assert.Equal(Utc("2025-03-08T14:00"), Next("0 9 * * *", Utc("2025-03-07T15:00"), NewYork));
        Assert.Equal(Utc("2025-03-09T13:00"), Next("0 9 * * *", Utc("2025-03-08T15:00"), NewYork));
    }

    [Fact]
    public void A_local_time_skipped_by_the_spring_change_does_not_occur()
    {
        // Europe/Berlin, 30 March 2025: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist that day.
        Assert.Equal(Utc("2025-03-29T01:30"), Next("30 2 * * *", Utc("2025-03-28T12:00"), Berlin));
        Assert.Equal(Utc("2025-03-31T00:30"), Next("30 2 * * *", Utc("2025-03-29T12:00"), Berlin));

        // Hourly: 01:00 CET, then 03:00 CEST (one hour later in real time), then 04:00 CEST.
        var hourly = CronExpression.Parse("0 * * * *");
        var first = hourly.GetNextOccurrence(Utc("2025-03-29T23:30"), Berlin)!.Value;
        var second = hourly.GetNextOccurrence(first, Berlin)!.Value;
        var third = hourly.GetNextOccurrence(second, Berlin)!.Value;
        Assert.Equal(Utc("2025-03-30T00:00"), first);
        Assert.Equal(Utc("2025-03-30T01:00"), second);
        Assert.Equal(Utc("2025-03-30T02:00"), third);
        Assert.Equal(TimeSpan.FromHours(2), TimeZoneInfo.ConvertTime(second, Berlin).Offset);
    }

    [Fact]
    public void A_local_time_repeated_by_the_autumn_change_occurs_once()
    {
        // Europe/Berlin, 26 October 2025: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice.
        var first = Next("30 2 * * *", Utc("2025-10-25T12:00"), Berlin)!.Value;
        Assert.Equal(Utc("2025-10-26T00:30"), first);
        Assert.Equal(Utc("2025-10-27T01:30"), Next("30 2 * * *", first, Berlin));

        // Every half hour: nothing fires while the wall clock repeats 02:00-02:59.
        Assert.Equal(Utc("2025-10-26T02:00"), Next("*/30 * * * *", Utc("2025-10-26T00:45"), Berlin));
        Assert.Equal(Utc("2025-10-26T02:00"), Next("*/30 * * * *", Utc("2025-10-26T01:10"), Berlin));
    }

    [Theory]
    [InlineData("60 * * * *", "minute", "60")]
    [InlineData("* 24 * * *", "hour", "24")]
    [InlineData("* * 0 * *", "day-of-month", "0")]
    [InlineData("* * 32 * *", "day-of-month", "32")]
    [InlineData("* * * 13 *", "month", "13")]
    [InlineData("* * * FOO *", "month", "FOO")]
    [InlineData("* * * * 8", "day-of-week", "8")]
    [InlineData("* * * * MONDAY", "day-of-week", "MONDAY")]
    [InlineData("*/0 * * * *", "minute", "*/0")]
    [InlineData("*/x * * * *", "minute", "*/x")]
    [InlineData("5-1 * * * *", "minute", "5-1")]
    [InlineData("1,,2 * * * *", "minute", "1,,2")]
    [InlineData("a * * * *", "minute", "a")]
    [InlineData("* * * *", "expression", "* * * *")]
    [InlineData("* * * * * *", "expression", "* * * * * *")]
    [InlineData("", "expression", "")]
    [InlineData("@reboot", "expression", "@reboot")]
    public void Invalid_expressions_name_the_field_and_token(string expression, string field, string token)
    {
        var error = Assert.Throws<CronFormatException>(() => CronExpression.Parse(expression));
        Assert.Equal(field, error.Field);
        Assert.Equal(token, error.Token);
        Assert.Equal("invalid_cron", error.ErrorCode);
        Assert.Contains(field == "expression" ? token : field, error.Message, StringComparison.Ordinal);
        Assert.Contains(token, error.Message, StringComparison.Ordinal);
        Assert.False(CronExpression.TryParse(expression, out var parsed, out var message));
        Assert.Null(parsed);
        Assert.Equal(error.Message, message);
    }

    [Fact]
    public void Equivalent_expressions_are_equal()
    {
        Assert.Equal(CronExpression.Parse("0 0 * * 0"), CronExpression.Parse("0 0 * * 7"));
        Assert.Equal(CronExpression.Parse("0 0 * * SUN"), CronExpression.Parse("@weekly"));
        Assert.Equal(CronExpression.Parse("0 0 * * 0").GetHashCode(), CronExpression.Parse("@weekly").GetHashCode());
        Assert.NotEqual(CronExpression.Parse("0 0 * * 1"), CronExpression.Parse("@weekly"));
        Assert.Equal("0 9 * * MON-FRI", CronExpression.Parse("  0 9 * * MON-FRI ").ToString());
    }
}
