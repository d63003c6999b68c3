using Pipelines.Data;

namespace Pipelines.IO;

/// <summary>
/// Dates read as days since 1970-01-01, and the numeric parts a model learns from: year first as in ISO 8601
/// (<c>2024-01-31</c>, <c>2024/01/31</c>, optionally with a time: <c>2024-01-31 13:05</c>, <c>2024-01-31T13:05:09.5Z</c>),
/// with the month's name (<c>31-Jan-2024</c>, <c>Jan 31, 2024</c>), or as three numbers in a <see cref="DateOrder"/>:
/// year last (<c>31/01/2024</c>, <c>1/31/2024 1:05 PM</c>, <c>31.01.2024 13:05</c>, <c>1/31/24</c>) or, with a two-digit
/// year, year first (<c>24/01/31</c>); and clock times alone (<c>13:05</c>).
/// </summary>
/// <remarks>
/// <c>01/02/2024</c> is the 2nd of January in one country and the 1st of February in another, and <c>24/01/31</c> the
/// 31st of January 2024 in a third, so such a date is read in a given order, or split into its numbers for a column's
/// values to tell the order (<see cref="DateShape"/>). A time zone suffix is accepted and not applied, so the parts are
/// the local time as written.
/// </remarks>
internal static class CsvDate
{
    /// <summary>Suffixes of the numeric columns a date column becomes, in order; the hour only where a value has a time.</summary>
    public static readonly string[] Parts = ["year", "month", "day", "weekday", "days", "hour"];

    /// <summary>The index of the hour of the day in <see cref="Parts"/>, the last.</summary>
    public const int HourPart = 5;

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

    /// <summary>
    /// Parses a clock time alone (<c>13:05</c>, <c>8:30</c>, <c>13:05:09</c>, <c>1:05 PM</c>; see <see cref="TryParseClock"/>)
    /// into the fraction of a day since midnight.
    /// </summary>
    public static bool TryParseTimeOfDay(ReadOnlySpan<char> text, out double fraction)
    {
        fraction = 0;
        return text.Length is >= 4 and <= 24 && char.IsAsciiDigit(text[0]) && TryParseClock(text, out fraction);
    }

    /// <summary>
    /// Parses a duration that is no time of day into days: an hour count past a day's, <c>36:15</c> or <c>36:15:00</c>
    /// (elapsed times as spreadsheets write them), or days before a clock, <c>2 days 03:00:00</c> (pandas) and
    /// <c>1 day, 2:00:00</c> (Python). The clock after the days reads as <see cref="TryParseTimeOfDay"/> reads one.
    /// </summary>
    public static bool TryParseDuration(ReadOnlySpan<char> text, out double days)
    {
        days = 0;
        if (text.Length is < 5 or > 40 || !char.IsAsciiDigit(text[0])) return false;
        var end = LeadingDigits(text, 7);
        if (end == text.Length || !Digits(text[..end], out var count)) return false;
        var rest = text[end..];
        if (rest[0] == ':')
        {
            // Hours past a day's: the minutes and seconds of a clock, the hour any count from 24.
            if (count < 24 || !TryParseMinutes(rest, out var minute, out var seconds, out var after) || after.Length > 0) return false;
            days = (count * 3600.0 + minute * 60 + seconds) / 86400;
            return true;
        }
        if (!rest.StartsWith(" day", StringComparison.Ordinal)) return false;
        rest = rest[4..];
        if (rest.Length > 0 && rest[0] == 's') rest = rest[1..];
        if (rest.Length > 0 && rest[0] == ',') rest = rest[1..];
        if (rest.Length < 2 || rest[0] != ' ' || !TryParseTimeOfDay(rest[1..], out var clock) || rest[^1] is 'M' or 'm') return false;
        days = count + clock;
        return true;
    }

    /// <summary>
    /// Parses a date whose month is written as its English name or abbreviation (any case, optionally with a point), as
    /// spreadsheets and reports write long dates, into days since 1970-01-01: day first, <c>31-Jan-2024</c>,
    /// <c>31 January 2024</c>, <c>31/Jan/24</c> (the same separator twice; two-digit years as <see cref="ShortYear"/>),
    /// or month first, <c>Jan 31, 2024</c>, <c>January 31 2024</c>; either optionally after a weekday's name
    /// (<c>Wed, 31 Jan 2024</c>, <c>Wednesday, January 31, 2024</c>) and before a space and a time
    /// (<see cref="TryParseClock"/>). The name tells the month, so these have one reading whatever the country.
    /// </summary>
    public static bool TryParseNamedMonth(ReadOnlySpan<char> text, out double days)
    {
        days = 0;
        if (text.Length is < 8 or > 48 || !char.IsAsciiLetterOrDigit(text[0])) return false;
        var rest = text;
        // A weekday's name before the date: a word followed by a comma, or by a space where the date starts with a digit.
        if (char.IsAsciiLetter(rest[0]) && Word(rest) is var weekday && IsWeekday(rest[..weekday]))
        {
            rest = rest[weekday..];
            if (rest.Length > 0 && rest[0] == ',') rest = rest[1..];
            rest = rest.TrimStart(' ');
        }
        int day, month, year, end;
        if (rest.Length == 0) return false;
        if (char.IsAsciiDigit(rest[0]))
        {
            // 31-Jan-2024, 31 January 2024, 31/Jan/24
            end = LeadingDigits(rest, 2);
            if (end == rest.Length || !Digits(rest[..end], out day)) return false;
            var separator = rest[end];
            if (separator is not ('-' or ' ' or '/' or '.')) return false;
            rest = rest[(end + 1)..];
            if (!MonthName(ref rest, out month) || rest.Length == 0 || rest[0] != separator) return false;
            rest = rest[1..];
        }
        else
        {
            // Jan 31, 2024, January 31 2024
            if (!MonthName(ref rest, out month) || rest.Length == 0 || rest[0] != ' ') return false;
            rest = rest[1..];
            end = LeadingDigits(rest, 2);
            if (end == 0 || !Digits(rest[..end], out day)) return false;
            rest = rest[end..];
            if (rest.Length > 0 && rest[0] == ',') rest = rest[1..];
            if (rest.Length == 0 || rest[0] != ' ') return false;
            rest = rest[1..];
        }
        end = LeadingDigits(rest, 5);
        if (end is not (2 or 4) || !Digits(rest[..end], out year)) return false;
        if (end == 2) year = ShortYear(year);
        rest = rest[end..];
        var time = 0.0;
        if (rest.Length > 0 && (rest[0] != ' ' || !TryParseClock(rest[1..], out time))) return false;
        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        days = new DateOnly(year, month, day).DayNumber - EpochDay + time;
        return true;
    }

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] WeekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>The month named at the start of <paramref name="text"/> (full, its first three letters or <c>Sept</c>, then optionally a point), and the text after it.</summary>
    private static bool MonthName(ref ReadOnlySpan<char> text, out int month)
    {
        month = 0;
        var length = Word(text);
        var word = text[..length];
        for (var m = 0; m < MonthNames.Length && month == 0; m++)
        {
            if (Names(word, MonthNames[m]) || (m == 8 && word.Equals("sept", StringComparison.OrdinalIgnoreCase))) month = m + 1;
        }
        if (month == 0) return false;
        text = text[length..];
        if (text.Length > 0 && text[0] == '.' && length < MonthNames[month - 1].Length) text = text[1..];
        return true;
    }

    private static bool IsWeekday(ReadOnlySpan<char> word)
    {
        foreach (var name in WeekdayNames)
        {
            if (Names(word, name)) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="word"/> is <paramref name="name"/> or its first three letters, in any case.</summary>
    private static bool Names(ReadOnlySpan<char> word, string name) =>
        (word.Length == 3 || word.Length == name.Length) && name.AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>How many ASCII letters <paramref name="text"/> starts with.</summary>
    private static int Word(ReadOnlySpan<char> text)
    {
        var n = 0;
        while (n < text.Length && char.IsAsciiLetter(text[n])) n++;
        return n;
    }

    /// <summary>
    /// Parses a date written as three numbers, <c>a/b/c</c> (separators <c>/</c>, <c>-</c> or <c>.</c>, the same twice;
    /// <c>a</c> and <c>b</c> of one or two digits, <c>c</c> a year of four digits or a number of two), optionally followed
    /// by a space and a time (<see cref="TryParseClock"/>). Which number is the day, the month and the year is a
    /// <see cref="DateOrder"/>'s to say (<see cref="Days"/>). Two digits last are read as spreadsheets write short dates:
    /// <c>1/31/24</c>, or with <c>-</c> or <c>.</c> only as <c>31.01.24</c>, two digits each, which version numbers
    /// (<c>1.2.10</c>) are not.
    /// </summary>
    public static bool TryParseWritten(ReadOnlySpan<char> text, out WrittenDate date)
    {
        date = default;
        if (text.Length is < 6 or > 40) return false;
        var end = LeadingDigits(text, 2);
        if (end == 0 || end == text.Length || !Digits(text[..end], out var first)) return false;
        var padded = end == 2;
        var separator = text[end];
        if (separator is not ('/' or '-' or '.')) return false;
        var rest = text[(end + 1)..];
        end = LeadingDigits(rest, 2);
        if (end == 0 || end == rest.Length || rest[end] != separator || !Digits(rest[..end], out var second)) return false;
        padded &= end == 2;
        rest = rest[(end + 1)..];
        var digits = LeadingDigits(rest, 5);
        int last;
        bool shortYear;
        if (digits == 4 && Digits(rest[..4], out last) && last >= 1)
        {
            shortYear = false;
        }
        else if (digits == 2 && (separator == '/' || padded) && Digits(rest[..2], out last))
        {
            shortYear = true;
        }
        else
        {
            return false;
        }
        rest = rest[digits..];
        // A first number of 0 is only a year's (00/01/31, year first).
        if (second < 1 || (first < 1 && !(shortYear && padded))) return false;
        var time = 0.0;
        if (rest.Length > 0 && (rest[0] != ' ' || !TryParseClock(rest[1..], out time))) return false;
        date = new WrittenDate(first, second, last, shortYear, padded, time);
        return true;
    }

    /// <summary>
    /// The year a two-digit year stands for, as Excel reads one typed into a cell: 00-29 are 2000-2029, 30-99 are
    /// 1930-1999, the tool most short dates come from.
    /// </summary>
    public static int ShortYear(int twoDigits) => twoDigits < 30 ? 2000 + twoDigits : 1900 + twoDigits;

    /// <summary>
    /// Days since 1970-01-01 of <paramref name="date"/> read in <paramref name="order"/>, plus its time; false where no
    /// such day exists (a month above 12, the 31st of April, a year first of four digits).
    /// </summary>
    public static bool Days(DateOrder order, WrittenDate date, out double days)
    {
        var year = date.ShortYear ? ShortYear(date.Last) : date.Last;
        var (day, month) = (date.First, date.Second);
        if (order == DateOrder.MonthFirst) (day, month) = (month, day);
        if (order == DateOrder.YearFirst) (year, day) = date.ShortYear ? (ShortYear(date.First), date.Last) : (0, 0);
        days = 0;
        if (month is < 1 or > 12 || day < 1 || year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month)) return false;
        days = new DateOnly(year, month, day).DayNumber - EpochDay + date.Time;
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
        if (text.Length < 2 || !Digits(text[..2], out var hour) || hour > 23
            || !TryParseMinutes(text[2..], out var minute, out var seconds, out var rest) || !Zone(rest))
            return false;
        fraction = (hour * 3600 + minute * 60 + seconds) / 86400;
        return true;
    }

    /// <summary>
    /// A clock time as spreadsheets write it: <c>H:mm</c> or <c>H:mm:ss</c> (the hour of one or two digits, seconds
    /// optionally with a fraction), then optionally <c> AM</c> or <c> PM</c> (any case; the hour 1 to 12).
    /// </summary>
    private static bool TryParseClock(ReadOnlySpan<char> text, out double fraction)
    {
        fraction = 0;
        var end = LeadingDigits(text, 2);
        if (end == 0 || !Digits(text[..end], out var hour)) return false;
        var clock = text[end..];
        var half = clock.Length >= 3 && clock[^3] == ' ' && char.ToUpperInvariant(clock[^1]) == 'M' ? char.ToUpperInvariant(clock[^2]) : '\0';
        if (half != '\0')
        {
            if (half is not ('A' or 'P') || hour is < 1 or > 12) return false;
            hour = hour % 12 + (half == 'P' ? 12 : 0);
            clock = clock[..^3];
        }
        if (hour > 23 || !TryParseMinutes(clock, out var minute, out var seconds, out var rest) || rest.Length > 0) return false;
        fraction = (hour * 3600 + minute * 60 + seconds) / 86400;
        return true;
    }

    /// <summary>
    /// The <c>:mm</c>, then optionally <c>:ss</c> and <c>.f…</c>, that follow a time's hour; <paramref name="rest"/> is
    /// what comes after them (a zone, or nothing).
    /// </summary>
    private static bool TryParseMinutes(ReadOnlySpan<char> text, out int minute, out double seconds, out ReadOnlySpan<char> rest)
    {
        seconds = 0;
        rest = default;
        minute = 0;
        if (text.Length < 3 || text[0] != ':' || !Digits(text[1..3], out minute) || minute > 59) return false;
        rest = text[3..];
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
        return true;
    }

    /// <summary>How many of the first up to <paramref name="most"/> characters of <paramref name="text"/> are ASCII digits.</summary>
    private static int LeadingDigits(ReadOnlySpan<char> text, int most)
    {
        var n = 0;
        while (n < most && n < text.Length && char.IsAsciiDigit(text[n])) n++;
        return n;
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

/// <summary>
/// A date as written in three numbers (<see cref="CsvDate.TryParseWritten"/>): <paramref name="Last"/> is a year of four
/// digits or, where <paramref name="ShortYear"/>, a number of two; <paramref name="Padded"/> where the first two numbers
/// have two digits each; <paramref name="Time"/> the time as a fraction of a day.
/// </summary>
internal readonly record struct WrittenDate(int First, int Second, int Last, bool ShortYear, bool Padded, double Time)
{
    /// <summary>Whether it may be written year first, <c>yy/mm/dd</c>: every number of two digits.</summary>
    public bool MayBeYearFirst => ShortYear && Padded;
}
