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
        if (_words.Count == CsvOptions.MaxWordsInNumbers) return false;
        _words.Add(text.ToString(), 1);
        return true;
    }

    /// <summary>
    /// Whether the values read, every one of which fits, settle into one reading (a written date's order); where they
    /// do not, the shape gives up and <paramref name="why"/> says why for the log. Call once, before <see cref="Build"/>.
    /// </summary>
    public bool Settle(string name, out string? why)
    {
        why = null;
        if (_values is null) return false;
        if (Settle(name, _values, out why)) return true;
        Dispose();
        return false;
    }

    /// <summary>The column's numeric columns from the values read; call once, after <see cref="Settle(string, out string?)"/>.</summary>
    public Column[] Build(string name) => Columns(name, _values!);

    /// <summary>
    /// Adds to <paramref name="conventions"/> what rows read later for the same model must be read by (a date order, a
    /// unit); call after <see cref="Settle(string, out string?)"/> succeeded.
    /// </summary>
    public virtual void Keep(string name, ColumnConventions conventions)
    {
    }

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

    /// <summary>See <see cref="Settle(string, out string?)"/>; values read fit one reading unless a shape says otherwise.</summary>
    protected virtual bool Settle(string name, NativeBuffer<double> values, out string? why)
    {
        why = null;
        return true;
    }

    protected abstract Column[] Columns(string name, NativeBuffer<double> values);
}
