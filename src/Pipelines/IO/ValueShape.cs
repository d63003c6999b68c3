using Pipelines.Data;

namespace Pipelines.IO;

/// <summary>
/// A shape every value of a column may share beyond a plain number (a date, a number with a unit), read into numbers
/// while each value fits; a column whose values all fit becomes those numbers. One instance per column, which gives up
/// (and frees its buffer) at the first value that does not fit, usually the first. Once a value fits, up to three words
/// without a digit (<c>unknown</c>) are missing values there, as they are among plain numbers
/// (<see cref="CsvOptions.WordsInNumbers"/>); before, a word ends the shape, so a column of words costs no buffer.
/// </summary>
internal abstract class ValueShape : IDisposable
{
    /// <summary>Most distinct words (values without a digit) a shape takes as missing values, as <see cref="CsvOptions.WordsInNumbers"/>.</summary>
    private const int MaxWords = 3;

    private NativeBuffer<double>? _values = new();

    // Words read as missing values and their row counts; null where words are not allowed.
    private readonly Dictionary<string, int>? _words;

    protected ValueShape(bool words)
    {
        if (words) _words = new(StringComparer.Ordinal);
    }

    /// <summary>Whether every value so far fits.</summary>
    public bool Fits => _values is not null;

    /// <summary>How many values fit (missing ones not counted): a shape with none says nothing about the column.</summary>
    public int Count { get; private set; }

    public void Add(ReadOnlySpan<char> text, bool missing)
    {
        if (_values is null) return;
        if (missing)
        {
            _values.Add(double.NaN);
        }
        else if (TryRead(text, out var value))
        {
            _values.Add(value);
            Count++;
        }
        else if (_words is not null && Count > 0 && !text.ContainsAnyInRange('0', '9') && AddWord(text))
        {
            _values.Add(double.NaN);
        }
        else
        {
            Dispose();
        }
    }

    private bool AddWord(ReadOnlySpan<char> text)
    {
        var lookup = _words!.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known, out var count))
        {
            _words[known] = count + 1;
            return true;
        }
        if (_words.Count == MaxWords) return false;
        _words.Add(text.ToString(), 1);
        return true;
    }

    /// <summary>The column's numeric columns from the values read; call once, while <see cref="Fits"/>.</summary>
    public Column[] Build(string name) => Columns(name, _values!);

    /// <summary>What reading the column this way did, for a log a user reads.</summary>
    public string Note(string name) => _words is { Count: > 0 } words ? $"{Describe(name)}, and {Words(words)} as missing values" : Describe(name);

    /// <summary>Words and their row counts as a log names them: <c>'unknown' (2 rows), '-' (1 row)</c>.</summary>
    public static string Words(IEnumerable<KeyValuePair<string, int>> words) =>
        string.Join(", ", words.Select(w => $"'{w.Key}' ({w.Value:N0} row{(w.Value == 1 ? "" : "s")})"));

    public void Dispose()
    {
        _values?.Dispose();
        _values = null;
    }

    /// <summary>What reading the column this way did, words aside.</summary>
    protected abstract string Describe(string name);

    protected abstract bool TryRead(ReadOnlySpan<char> text, out double value);

    protected abstract Column[] Columns(string name, NativeBuffer<double> values);
}

/// <summary>Year-first dates (<see cref="CsvDate"/>), read as days since 1970 and built as their parts.</summary>
internal sealed class DateShape(bool words) : ValueShape(words)
{
    private bool _hasTime;

    private int Parts => _hasTime ? CsvDate.Parts.Length : CsvDate.Parts.Length - 1;

    protected override string Describe(string name) =>
        $"'{name}' holds dates, read as {string.Join(", ", Enumerable.Range(0, Parts).Select(p => CsvDate.PartName(name, p)))}";

    protected override bool TryRead(ReadOnlySpan<char> text, out double value)
    {
        if (!CsvDate.TryParse(text, out value)) return false;
        _hasTime |= value != Math.Floor(value);
        return true;
    }

    protected override Column[] Columns(string name, NativeBuffer<double> values)
    {
        var columns = new Column[Parts];
        for (var part = 0; part < columns.Length; part++)
        {
            var parts = new float[values.Count];
            for (var row = 0; row < parts.Length; row++) parts[row] = CsvDate.Part(part, values[row]);
            columns[part] = new NumericColumn(CsvDate.PartName(name, part), parts);
        }
        return columns;
    }
}

/// <summary>
/// Numbers written with one and the same unit after them (<c>1248 CC</c>, <c>23.4 kmpl</c>, <c>74bhp</c>): the unit, up
/// to 12 letters or slashes after an optional space, is that of the first value, and a value in another unit or without
/// one does not fit, since mixing units would make the numbers incomparable.
/// </summary>
internal sealed class UnitShape(bool words) : ValueShape(words)
{
    private const int MaxUnitLength = 12;
    private string? _unit;

    protected override string Describe(string name) => $"'{name}' holds numbers in '{_unit}', read without the unit";

    protected override bool TryRead(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var end = 0;
        if (end < text.Length && text[end] is '-' or '+') end++;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.')) end++;
        if (!CsvNumber.TryParsePlainDecimal(text[..end], out var number)) return false;
        var unit = text[end..];
        if (unit.Length > 0 && unit[0] == ' ') unit = unit[1..];
        if (unit.Length is 0 or > MaxUnitLength || !char.IsLetter(unit[0])) return false;
        foreach (var c in unit)
        {
            if (!char.IsLetter(c) && c != '/') return false;
        }
        if (_unit is null) _unit = unit.ToString();
        else if (!unit.SequenceEqual(_unit)) return false;
        value = number;
        return true;
    }

    protected override Column[] Columns(string name, NativeBuffer<double> values)
    {
        var numbers = new float[values.Count];
        for (var row = 0; row < numbers.Length; row++) numbers[row] = (float)values[row];
        return [new NumericColumn(name, numbers)];
    }
}
