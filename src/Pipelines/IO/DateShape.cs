using Pipelines.Data;

namespace Pipelines.IO;

/// <summary>
/// Dates (<see cref="CsvDate"/>), read as days since 1970 and built as their parts: year first, or year last in the
/// order given for the column (the order a model was fitted on) or, where none is given, the order the values tell: a
/// first number above 12 makes them day first, a second one month first. A column where neither is above 12, or both
/// are in different rows, stays as written, since reading it would be a guess.
/// </summary>
internal sealed class DateShape(bool words, DateOrder? order) : ValueShape(words)
{
    private enum Form { Unknown, YearFirst, YearLast }

    private Form _form;
    private bool _hasTime;
    private DateOrder? _order = order;
    // Without a given order, year-last values are held packed (yyyy·10⁴ + first·10² + second + time, see Unpack) until
    // the column tells the order.
    private readonly bool _packed = order is null;
    private int _maxFirst;
    private int _maxSecond;
    private bool _shortYears;

    /// <summary>The order the column's year-last dates were read in, once settled; null for year-first dates.</summary>
    public DateOrder? Order => _form == Form.YearLast ? _order : null;

    public override void Keep(string name, ColumnConventions conventions)
    {
        if (Order is { } order) conventions.DateOrders[name] = order;
    }

    private int Parts => _hasTime ? CsvDate.Parts.Length : CsvDate.Parts.Length - 1;

    protected override string Describe(string name) =>
        $"'{name}' holds dates{(Order is { } o ? $" written {ColumnConventions.Describe(o)}" : "")}{(_shortYears ? $", two-digit years as {CsvDate.ShortYear(30)}-{CsvDate.ShortYear(29)}" : "")}, " +
        $"read as {string.Join(", ", Enumerable.Range(0, Parts).Select(p => CsvDate.PartName(name, p)))}";

    protected override bool TryRead(ReadOnlySpan<char> text, out double value)
    {
        if (_form != Form.YearLast && CsvDate.TryParse(text, out value))
        {
            _form = Form.YearFirst;
            _hasTime |= value != Math.Floor(value);
            return true;
        }
        value = 0;
        if (_form == Form.YearFirst || !CsvDate.TryParseYearLast(text, out var first, out var second, out var year, out var time, out var shortYear)) return false;
        if (_packed)
        {
            value = ((year * 100.0 + first) * 100 + second) + time;
            _maxFirst = Math.Max(_maxFirst, first);
            _maxSecond = Math.Max(_maxSecond, second);
        }
        else if (!CsvDate.Days(_order!.Value, first, second, year, time, out value))
        {
            return false;
        }
        _form = Form.YearLast;
        _hasTime |= time != 0;
        _shortYears |= shortYear;
        return true;
    }

    protected override bool Settle(string name, NativeBuffer<double> values, out string? why)
    {
        why = null;
        if (_form != Form.YearLast || !_packed) return true;
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
        for (var row = 0; row < values.Count; row++)
        {
            if (!double.IsNaN(values[row]) && !Unpack(values[row], out _)) return false;
        }
        return true;
    }

    protected override Column[] Columns(string name, NativeBuffer<double> values)
    {
        var parts = new float[Parts][];
        for (var part = 0; part < parts.Length; part++) parts[part] = new float[values.Count];
        for (var row = 0; row < values.Count; row++)
        {
            var days = values[row];
            if (_packed && _form == Form.YearLast && !double.IsNaN(days)) Unpack(days, out days);
            for (var part = 0; part < parts.Length; part++) parts[part][row] = CsvDate.Part(part, days);
        }
        return [.. parts.Select((column, part) => new NumericColumn(CsvDate.PartName(name, part), column))];
    }

    /// <summary>Days since 1970 of a packed year-last value (yyyy·10⁴ + first·10² + second + time) in the settled order.</summary>
    private bool Unpack(double packed, out double days)
    {
        var whole = Math.Floor(packed);
        var number = (long)whole;
        return CsvDate.Days(_order!.Value, (int)(number / 100 % 100), (int)(number % 100), (int)(number / 10000), packed - whole, out days);
    }
}
