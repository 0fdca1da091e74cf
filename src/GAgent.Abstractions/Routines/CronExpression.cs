using System.Globalization;
using System.Numerics;

namespace GAgent.Routines;

/// <summary>
/// A standard five-field cron expression (minute, hour, day of month, month, day of week) with <c>*</c>, lists
/// (<c>1,15</c>), ranges (<c>1-5</c>), steps (<c>*/5</c>, <c>1-10/2</c>, <c>5/15</c>), month and day names
/// (<c>JAN</c>-<c>DEC</c>, <c>SUN</c>-<c>SAT</c>; day 7 is Sunday too) and the macros <c>@yearly</c>
/// (<c>@annually</c>), <c>@monthly</c>, <c>@weekly</c>, <c>@daily</c> (<c>@midnight</c>) and <c>@hourly</c>.
/// As in Vixie cron, when both the day of month and the day of week are restricted (neither starts with <c>*</c>),
/// a day matching either one matches. Immutable and thread-safe.
/// </summary>
public sealed class CronExpression : IEquatable<CronExpression>
{
    private const int MaxSearchYears = 30;

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly ulong _minutes;
    private readonly uint _hours;
    private readonly uint _daysOfMonth;
    private readonly uint _months;
    private readonly uint _daysOfWeek;
    private readonly bool _dayOfMonthStar;
    private readonly bool _dayOfWeekStar;

    private CronExpression(string text, ulong minutes, uint hours, uint daysOfMonth, uint months, uint daysOfWeek, bool dayOfMonthStar, bool dayOfWeekStar)
    {
        Text = text;
        _minutes = minutes;
        _hours = hours;
        _daysOfMonth = daysOfMonth;
        _months = months;
        _daysOfWeek = daysOfWeek;
        _dayOfMonthStar = dayOfMonthStar;
        _dayOfWeekStar = dayOfWeekStar;
    }

    /// <summary>The expression as it was parsed (trimmed).</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="expression"/>.</summary>
    /// <exception cref="CronFormatException">The expression is malformed; the message names the field and the token.</exception>
    public static CronExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = expression.Trim();
        if (text.Length == 0)
        {
            throw new CronFormatException(expression, "expression", expression, "it is empty; use five fields 'minute hour day-of-month month day-of-week', for example '0 9 * * MON-FRI'.");
        }

        var fields = text.StartsWith('@') ? ExpandMacro(expression, text) : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            throw new CronFormatException(expression, "expression", text, $"it has {fields.Length} field{(fields.Length == 1 ? string.Empty : "s")}; use exactly five: 'minute hour day-of-month month day-of-week' (seconds are not supported).");
        }

        var minutes = ParseField(expression, fields[0], "minute", 0, 59, null);
        var hours = ParseField(expression, fields[1], "hour", 0, 23, null);
        var daysOfMonth = ParseField(expression, fields[2], "day-of-month", 1, 31, null);
        var months = ParseField(expression, fields[3], "month", 1, 12, MonthNames);
        var daysOfWeek = ParseField(expression, fields[4], "day-of-week", 0, 7, DayNames);

        // 7 is Sunday, as 0 is.
        if ((daysOfWeek & (1UL << 7)) != 0)
        {
            daysOfWeek = (daysOfWeek | 1UL) & ~(1UL << 7);
        }

        return new CronExpression(text, minutes, (uint)hours, (uint)daysOfMonth, (uint)months, (uint)daysOfWeek, fields[2].StartsWith('*'), fields[4].StartsWith('*'));
    }

    /// <summary>Parses <paramref name="expression"/>, returning false (and the reason) instead of throwing.</summary>
    public static bool TryParse(string? expression, out CronExpression? result, out string? error)
    {
        result = null;
        error = null;
        if (expression is null)
        {
            error = "The cron expression is missing.";
            return false;
        }

        try
        {
            result = Parse(expression);
            return true;
        }
        catch (CronFormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>, with the fields read as wall-clock time in
    /// <paramref name="timeZone"/>. Local times skipped by a daylight-saving change do not occur; local times repeated
    /// by one occur once, at their first (daylight-time) instant. Returns null when no occurrence exists within 30
    /// years (for example <c>0 0 30 2 *</c>).
    /// </summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = TimeZoneInfo.ConvertTime(after, timeZone).DateTime;
        var candidate = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
        var lastYear = local.Year + MaxSearchYears;
        if (lastYear > DateTime.MaxValue.Year - 1)
        {
            return null;
        }

        candidate = candidate.AddMinutes(1);
        while (candidate.Year <= lastYear)
        {
            if (!Has(_months, candidate.Month))
            {
                candidate = new DateTime(candidate.Year, candidate.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
                continue;
            }

            if (!DayMatches(candidate))
            {
                candidate = candidate.Date.AddDays(1);
                continue;
            }

            if (!Has(_hours, candidate.Hour))
            {
                candidate = candidate.Date.AddHours(candidate.Hour + 1);
                continue;
            }

            if (NextMinute(candidate.Minute) is not int minute)
            {
                candidate = candidate.Date.AddHours(candidate.Hour + 1);
                continue;
            }

            candidate = candidate.Date.AddHours(candidate.Hour).AddMinutes(minute);
            if (ToInstant(candidate, timeZone) is { } instant && instant > after)
            {
                return instant;
            }

            candidate = candidate.AddMinutes(1);
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <inheritdoc />
    public bool Equals(CronExpression? other)
        => other is not null && _minutes == other._minutes && _hours == other._hours && _daysOfMonth == other._daysOfMonth
            && _months == other._months && _daysOfWeek == other._daysOfWeek && _dayOfMonthStar == other._dayOfMonthStar && _dayOfWeekStar == other._dayOfWeekStar;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CronExpression);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_minutes, _hours, _daysOfMonth, _months, _daysOfWeek, _dayOfMonthStar, _dayOfWeekStar);

    private static bool Has(uint set, int value) => (set & (1u << value)) != 0;

    private int? NextMinute(int from)
    {
        var remaining = _minutes >> from;
        return remaining == 0 ? null : from + BitOperations.TrailingZeroCount(remaining);
    }

    private bool DayMatches(DateTime date)
    {
        var dayOfMonth = Has(_daysOfMonth, date.Day);
        var dayOfWeek = Has(_daysOfWeek, (int)date.DayOfWeek);
        return _dayOfMonthStar || _dayOfWeekStar ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
    }

    private static DateTimeOffset? ToInstant(DateTime local, TimeZoneInfo timeZone)
    {
        if (timeZone.IsInvalidTime(local))
        {
            return null;
        }

        if (timeZone.IsAmbiguousTime(local))
        {
            // The larger offset is the first pass (daylight time); the repeated pass is the same wall-clock time again.
            var offsets = timeZone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        return new DateTimeOffset(local, timeZone.GetUtcOffset(local));
    }

    private static string[] ExpandMacro(string expression, string text)
    {
        var fields = text.ToUpperInvariant() switch
        {
            "@YEARLY" or "@ANNUALLY" => "0 0 1 1 *",
            "@MONTHLY" => "0 0 1 * *",
            "@WEEKLY" => "0 0 * * 0",
            "@DAILY" or "@MIDNIGHT" => "0 0 * * *",
            "@HOURLY" => "0 * * * *",
            _ => throw new CronFormatException(expression, "expression", text, $"'{text}' is not a supported macro; use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly."),
        };
        return fields.Split(' ');
    }

    private static ulong ParseField(string expression, string field, string name, int min, int max, string[]? names)
    {
        ulong bits = 0;
        foreach (var item in field.Split(','))
        {
            if (item.Length == 0)
            {
                throw new CronFormatException(expression, name, field, $"the {name} field '{field}' has an empty list item.");
            }

            var slash = item.IndexOf('/', StringComparison.Ordinal);
            var rangePart = slash < 0 ? item : item[..slash];
            var step = 1;
            if (slash >= 0)
            {
                var stepText = item[(slash + 1)..];
                if (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1 || step > max - min + 1)
                {
                    throw new CronFormatException(expression, name, item, $"the {name} field's step '{stepText}' in '{item}' must be a number from 1 to {max - min + 1}.");
                }
            }

            int start;
            int end;
            if (rangePart == "*")
            {
                (start, end) = (min, max == 7 ? 6 : max);
            }
            else
            {
                var dash = rangePart.IndexOf('-', StringComparison.Ordinal);
                start = ParseValue(expression, dash < 0 ? rangePart : rangePart[..dash], item, name, min, max, names);
                if (dash >= 0)
                {
                    end = ParseValue(expression, rangePart[(dash + 1)..], item, name, min, max, names);
                    if (end < start)
                    {
                        throw new CronFormatException(expression, name, item, $"the {name} field's range '{rangePart}' ends before it starts; ranges do not wrap around.");
                    }
                }
                else
                {
                    // 'a/step' means from a to the end of the field, as in Vixie cron.
                    end = slash >= 0 ? (max == 7 ? 6 : max) : start;
                }
            }

            for (var value = start; value <= end; value += step)
            {
                bits |= 1UL << value;
            }
        }

        return bits;
    }

    private static int ParseValue(string expression, string token, string item, string name, int min, int max, string[]? names)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            if (value < min || value > max)
            {
                throw new CronFormatException(expression, name, token, $"the {name} field's value '{token}' in '{item}' is out of range {min}-{max}.");
            }

            return value;
        }

        if (names is not null && token.Length == 3)
        {
            var index = Array.FindIndex(names, n => n.Equals(token, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index + min;
            }
        }

        var hint = names is null ? $"a number from {min} to {max}" : $"a number from {min} to {max} or a name ({string.Join(", ", names)})";
        throw new CronFormatException(expression, name, token, $"the {name} field's token '{token}' in '{item}' is not valid; use {hint}, '*', lists, ranges and steps.");
    }
}
