using Pipelines.Data;

namespace Pipelines.IO;

/// <summary>
/// Dates (<see cref="CsvDate"/>), read as days since 1970 and built as their parts (a column of clock times alone, as
/// its hour of the day; one of durations, as their hours): four-digit year first or with the month's name, which have
/// one reading, or written as three numbers (<see cref="WrittenDate"/>) in the order given for the column (the order a
/// model was fitted on) or, where none is given, the order the values tell. Year last, a first number above 12 makes them day first, a second one
/// month first. With two-digit years the year may also come first (<c>24/01/31</c>): a first number above 31 (or
/// 00) tells that, a last one the other way; where none does, the year is the number that takes fewer values, as a
/// column's dates span a few years and many days, if one takes at most half as many as the other. A column none of
/// this tells, or one whose values tell two orders, stays as written, since reading it would be a guess.
/// </summary>
internal sealed class DateShape(bool words, DateOrder? order) : ValueShape(words)
{
    // OneReading: four-digit year first, or the month named; Written: three numbers, read in an order; TimeOfDay: a
    // clock time alone, or a duration (hours past a day's, or days before a clock), read as hours.
    private enum Form { Unknown, OneReading, Written, TimeOfDay }

    private Form _form;
    private bool _durations;
    private bool _hasTime;
    private DateOrder? _order = order;
    // Without a given order, written dates are held packed (yyyy·10⁴ + first·10² + second + time, see Unpack) until the
    // column tells the order.
    private readonly bool _packed = order is null;
    private int _maxFirst;
    private int _maxSecond;
    private bool _shortYears;
    // Whether every written date may be year first (yy/mm/dd), and the first and last numbers seen (bits 0-99).
    private bool _mayBeYearFirst = true;
    private UInt128 _firsts;
    private UInt128 _lasts;
    // How the values told the year from the day, where both readings were possible; null otherwise.
    private string? _told;

    /// <summary>The order the column's written dates were read in, once settled; null for dates of one reading.</summary>
    public DateOrder? Order => _form == Form.Written ? _order : null;

    public override void Keep(string name, ColumnConventions conventions)
    {
        if (Order is { } order) conventions.DateOrders[name] = order;
    }

    /// <summary>The parts the column becomes (indexes into <see cref="CsvDate.Parts"/>): a time of day only its hour.</summary>
    private IEnumerable<int> Parts => _form == Form.TimeOfDay ? [CsvDate.HourPart] : Enumerable.Range(0, _hasTime ? CsvDate.Parts.Length : CsvDate.HourPart);

    protected override string Describe(string name) => _form == Form.TimeOfDay
        ? _durations
            ? $"'{name}' holds durations (36:15:00, 2 days 03:00:00), read as {CsvDate.PartName(name, CsvDate.HourPart)} (hours)"
            : $"'{name}' holds times of day, read as {CsvDate.PartName(name, CsvDate.HourPart)} (hours since midnight)"
        : $"'{name}' holds dates{(Order is { } o ? $" written {ColumnConventions.Describe(o)}{(_told is null ? "" : $", {_told}")}" : "")}" +
        $"{(_shortYears ? $", two-digit years as {CsvDate.ShortYear(30)}-{CsvDate.ShortYear(29)}" : "")}, " +
        $"read as {string.Join(", ", Parts.Select(p => CsvDate.PartName(name, p)))}";

    protected override bool TryRead(ReadOnlySpan<char> text, out double value)
    {
        if (_form is Form.Unknown or Form.TimeOfDay && CsvDate.TryParseTimeOfDay(text, out value))
        {
            _form = Form.TimeOfDay;
            return true;
        }
        if (_form is Form.Unknown or Form.TimeOfDay && CsvDate.TryParseDuration(text, out value))
        {
            _form = Form.TimeOfDay;
            // 24:00 ends a day as a clock writes it; anything else here is a duration.
            _durations |= !(value == 1 && text.StartsWith("24:", StringComparison.Ordinal));
            return true;
        }
        if (_form is Form.Unknown or Form.OneReading && (CsvDate.TryParse(text, out value) || CsvDate.TryParseNamedMonth(text, out value)))
        {
            _form = Form.OneReading;
            _hasTime |= value != Math.Floor(value);
            return true;
        }
        value = 0;
        if (_form is Form.OneReading or Form.TimeOfDay || !CsvDate.TryParseWritten(text, out var date)) return false;
        if (_packed)
        {
            value = ((Year(date) * 100.0 + date.First) * 100 + date.Second) + date.Time;
            _maxFirst = Math.Max(_maxFirst, date.First);
            _maxSecond = Math.Max(_maxSecond, date.Second);
            _mayBeYearFirst &= date.MayBeYearFirst;
            _firsts |= UInt128.One << date.First;
            _lasts |= UInt128.One << (date.Last % 100);
        }
        else if (!CsvDate.Days(_order!.Value, date, out value))
        {
            return false;
        }
        _form = Form.Written;
        _hasTime |= date.Time != 0;
        _shortYears |= date.ShortYear;
        return true;
    }

    private static int Year(WrittenDate date) => date.ShortYear ? CsvDate.ShortYear(date.Last) : date.Last;

    protected override bool Settle(string name, NativeBuffer<double> values, out string? why)
    {
        why = null;
        if (_form != Form.Written || !_packed) return true;
        if (!SettleOrder(name, out why)) return false;
        for (var row = 0; row < values.Count; row++)
        {
            if (!double.IsNaN(values[row]) && !Unpack(values[row], out _)) return false;
        }
        return true;
    }

    /// <summary>Settles <see cref="_order"/> from the values' numbers, or says why none can be.</summary>
    private bool SettleOrder(string name, out string? why)
    {
        why = null;
        // Year first the middle number is the month and the last the day; year last the first number is a day or month.
        var yearFirst = _mayBeYearFirst && _maxSecond <= 12 && (_lasts & 1) == 0 && _lasts >> 32 == 0;
        var yearLast = (_firsts & 1) == 0 && _maxFirst <= 31;
        if (yearFirst && yearLast)
        {
            var (firsts, lasts) = ((int)UInt128.PopCount(_firsts), (int)UInt128.PopCount(_lasts));
            _told = $"its first numbers taking {firsts} value{(firsts == 1 ? "" : "s")} and its last {lasts}";
            if (lasts >= 2 * firsts)
            {
                yearLast = false;
            }
            else if (firsts >= 2 * lasts)
            {
                yearFirst = false;
            }
            else
            {
                why = $"'{name}' holds dates with two-digit years whose order no value tells: 24/01/31 is the 24th of January 1931 " +
                    $"written day first, or the 31st of January 2024 written year first, and with {_told} neither takes at most half " +
                    "as many values as the other, as a column's years do its days; kept as written: write years with four digits " +
                    "(2024-01-31) for the model to read them as dates";
                return false;
            }
        }
        if (yearFirst)
        {
            _order = DateOrder.YearFirst;
            return true;
        }
        if (_maxFirst > 12 && _maxSecond > 12)
        {
            why = $"'{name}' holds dates written day first in some rows and month first in others (a number above 12 in both places), kept as written";
            return false;
        }
        if (_maxFirst <= 12 && _maxSecond <= 12)
        {
            why = $"'{name}' holds dates whose order of day and month no value tells (neither number is above 12), kept as written: " +
                "write them year first (2024-01-31) for the model to read them as dates";
            return false;
        }
        _order = _maxFirst > 12 ? DateOrder.DayFirst : DateOrder.MonthFirst;
        return true;
    }

    protected override Column[] Columns(string name, NativeBuffer<double> values)
    {
        var read = Parts.ToArray();
        var parts = new float[read.Length][];
        for (var i = 0; i < parts.Length; i++) parts[i] = new float[values.Count];
        for (var row = 0; row < values.Count; row++)
        {
            var days = values[row];
            if (_packed && _form == Form.Written && !double.IsNaN(days)) Unpack(days, out days);
            // A time of day or a duration is its hours, past a day's for a duration.
            if (_form == Form.TimeOfDay) parts[0][row] = (float)(days * 24);
            else for (var i = 0; i < parts.Length; i++) parts[i][row] = CsvDate.Part(read[i], days);
        }
        return [.. parts.Select((column, i) => new NumericColumn(CsvDate.PartName(name, read[i]), column))];
    }

    /// <summary>Days since 1970 of a packed written date (yyyy·10⁴ + first·10² + second + time) in the settled order.</summary>
    private bool Unpack(double packed, out double days)
    {
        var whole = Math.Floor(packed);
        var number = (long)whole;
        var year = (int)(number / 10000);
        // Year first every year was two digits (SettleOrder), which the packed four-digit year keeps.
        var date = _order == DateOrder.YearFirst
            ? new WrittenDate((int)(number / 100 % 100), (int)(number % 100), year % 100, ShortYear: true, Padded: true, packed - whole)
            : new WrittenDate((int)(number / 100 % 100), (int)(number % 100), year, ShortYear: false, Padded: false, packed - whole);
        return CsvDate.Days(_order!.Value, date, out days);
    }
}
