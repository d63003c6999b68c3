namespace Pipelines.IO;

/// <summary>
/// Dates in the ISO 8601 order (<c>2024-01-31</c>, <c>2024/01/31</c>, optionally with a time: <c>2024-01-31 13:05</c>,
/// <c>2024-01-31T13:05:09.5Z</c>) read as days since 1970-01-01, and the numeric parts a model learns from.
/// </summary>
/// <remarks>
/// Only the year-first order is read: <c>01/02/2024</c> is the 2nd of January in one country and the 1st of February
/// in another, and guessing would silently swap them. A time zone suffix is accepted and not applied, so the parts are
/// the local time as written.
/// </remarks>
internal static class CsvDate
{
    /// <summary>Suffixes of the numeric columns a date column becomes, in order; the hour only where a value has a time.</summary>
    public static readonly string[] Parts = ["year", "month", "day", "weekday", "days", "hour"];

    /// <summary>The name of part <paramref name="part"/> (an index into <see cref="Parts"/>) of date column <paramref name="column"/>.</summary>
    public static string PartName(string column, int part) => $"{column}.{Parts[part]}";

    private static readonly int EpochDay = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>Parses <paramref name="text"/> as a date (and time) into days since 1970-01-01, the time as a fraction of a day.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double days)
    {
        days = 0;
        if (text.Length is < 10 or > 40) return false;
        if (!Digits(text[..4], out var year) || text[4] is not ('-' or '/') || !Digits(text[5..7], out var month) || text[7] != text[4]
            || !Digits(text[8..10], out var day) || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        var fraction = 0.0;
        var rest = text[10..];
        if (rest.Length > 0)
        {
            if (rest[0] is not ('T' or ' ') || !TryParseTime(rest[1..], out fraction)) return false;
        }
        days = new DateOnly(year, month, day).DayNumber - EpochDay + fraction;
        return true;
    }

    /// <summary>The value of part <paramref name="part"/> (an index into <see cref="Parts"/>) of a date <paramref name="days"/> after 1970-01-01.</summary>
    public static float Part(int part, double days)
    {
        if (double.IsNaN(days)) return float.NaN;
        var whole = Math.Floor(days);
        var date = DateOnly.FromDayNumber(EpochDay + (int)whole);
        return part switch
        {
            0 => date.Year,
            1 => date.Month,
            2 => date.Day,
            3 => ((int)date.DayOfWeek + 6) % 7, // Monday 0 to Sunday 6
            4 => (float)days,
            _ => (float)((days - whole) * 24),
        };
    }

    /// <summary><c>HH:mm</c>, <c>HH:mm:ss</c> or <c>HH:mm:ss.f…</c>, then optionally <c>Z</c> or an offset <c>±HH:mm</c>/<c>±HHmm</c>.</summary>
    private static bool TryParseTime(ReadOnlySpan<char> text, out double fraction)
    {
        fraction = 0;
        if (text.Length < 5 || !Digits(text[..2], out var hour) || text[2] != ':' || !Digits(text[3..5], out var minute) || hour > 23 || minute > 59)
            return false;
        var seconds = 0.0;
        var rest = text[5..];
        if (rest.Length >= 3 && rest[0] == ':')
        {
            if (!Digits(rest[1..3], out var whole) || whole > 59) return false;
            seconds = whole;
            rest = rest[3..];
            if (rest.Length > 1 && rest[0] == '.')
            {
                var scale = 0.1;
                var i = 1;
                for (; i < rest.Length && char.IsAsciiDigit(rest[i]); i++, scale /= 10) seconds += (rest[i] - '0') * scale;
                if (i == 1) return false;
                rest = rest[i..];
            }
        }
        if (!Zone(rest)) return false;
        fraction = (hour * 3600 + minute * 60 + seconds) / 86400;
        return true;
    }

    private static bool Zone(ReadOnlySpan<char> text) =>
        text.Length == 0 || text is "Z"
        || (text[0] is '+' or '-' && text.Length is 5 or 6 && Digits(text[1..3], out _) && Digits(text[^2..], out _) && (text.Length == 5 || text[3] == ':'));

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
