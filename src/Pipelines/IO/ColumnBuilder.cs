using System.Globalization;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.IO;

/// <summary>
/// Collects one column's values while the file streams past and infers its kind on the way (see <see cref="TypeInference"/>).
/// </summary>
/// <remarks>
/// A column starts optimistic: numbers go into a float buffer, and while the column has few distinct values their
/// strings are kept in a small dictionary. Per-row category codes are not stored in that phase: as long as every
/// distinct string parses to a distinct float, the code of a row follows from its float, so a numeric column costs
/// only its floats. Codes are materialized when two spellings meet on one float ("1" and "1.0") or when the first
/// non-number arrives (the column then turns categorical). A value without a digit is a word: up to three of them are
/// held as missing numbers (their codes written from the first, so a column that turns categorical, at a fourth word, a
/// non-number with a digit, or at the end for want of distinct numbers, keeps them as categories). A categorical column
/// that exceeds the category ceiling turns into text. Every transition only goes forward, so memory stays bounded by the
/// final column plus the dictionary ceiling. Beside the phases, the column's <see cref="ValueShape"/>s (dates, numbers
/// with a unit) read each value while every value fits them; nearly always the first value ends them.
/// </remarks>
internal sealed class ColumnBuilder : IDisposable
{
    private enum Phase { Numeric, Categorical, Text }

    private readonly string _name;
    private readonly ColumnKind? _declared;
    private readonly MissingTokens _missing;
    private readonly int _maxCategories;
    private readonly NumberSpellings _numbers;
    private Phase _phase;

    private NativeBuffer<float>? _values;
    private NativeBuffer<int>? _codes;
    private ChunkedBuffer<string?>? _texts;
    private Dictionary<string, int>? _index;
    private List<string>? _categories;
    private Dictionary<int, int>? _codeOfBits;

    // Words in a column of numbers ("unknown", "-"), in the order they came; null where words are not allowed. Their rows
    // are in the codes while those are kept, else in _wordRows (row order), for a column that turns text.
    private HashSet<string>? _words;
    private List<(int Row, string Word)>? _wordRows;
    private int _formatted;
    private int _typesetMinus;
    // The rows of an unquoted NA while every other value is a code (TrackCodes); null once one is not.
    private List<int>? _naCodeRows;
    private readonly bool _naIsCode;
    private int _rows;
    // The currencies formatted numbers were written with ($, USD), to say where a column mixes them.
    private HashSet<string>? _currencies;
    private const int MaxCurrenciesNamed = 5;
    // Numbers written with a magnitude (201k, 19M; CsvNumber.TrySplitMagnitude), read as the numbers they stand for where
    // formatted numbers are (CsvOptions.FormattedNumbers), and the magnitudes seen.
    private int _magnitudeValues;
    private HashSet<char>? _magnitudes;

    // The shapes every value so far fits (dates, numbers with a unit); null once none does.
    private List<ValueShape>? _shapes;

    // The unit the rows a model was fitted on wrote this column's numbers with (CsvOptions.Conventions), or null, and how
    // many values here were written with it.
    private readonly string? _unit;
    private int _inUnit;

    // Points among decimal commas (a file of them only). Known: the model's rows grouped thousands with them here
    // (CsvOptions.Conventions), so 1.234 is 1234 and 1.5 an error. Else the column decides at the end: values only
    // points between thousands read (1.234,5), decimal commas, the rows of 1.234 read as 1.234 for now, and other
    // points (1.5, which no grouping reads).
    private readonly bool _pointsGroupThousands;
    private int _pointGroups;
    private int _decimalCommas;
    private List<int>? _pointThousandRows;
    private int _decimalPoints;

    // shapes: what the column may become instead of its values as written (date parts, numbers without their unit; see
    // ValueShape), in order of preference, none for a declared kind (the builder owns them); words: whether a few words
    // may be missing values in a column of numbers (CsvOptions.WordsInNumbers; for an inferred or declared numeric kind);
    // known: how the rows a model was fitted on wrote the column (a unit, points between thousands), or null.
    public ColumnBuilder(string name, ColumnKind? declared, MissingTokens missing, int maxCategories, NumberSpellings numbers, ValueShape[] shapes, bool words,
        ColumnConventions? known = null)
    {
        _name = name;
        _unit = known?.Units.GetValueOrDefault(name);
        _pointsGroupThousands = numbers.DecimalComma && known?.PointsGroupThousands.Contains(name) == true;
        _numbers = numbers;
        if (shapes.Length > 0) _shapes = [.. shapes];
        if (words && declared is null or ColumnKind.Numeric) _words = new(StringComparer.Ordinal);
        _declared = declared;
        _missing = missing;
        // NA as a code the model's rows had is read as it; else the column's values tell (TrackCodes).
        _naIsCode = known?.NACodes.Contains(name) == true;
        if (!_naIsCode && declared is null or ColumnKind.Categorical && missing.Matches(CodeNA)) _naCodeRows = [];
        _maxCategories = declared == ColumnKind.Categorical ? int.MaxValue : maxCategories;
        switch (declared)
        {
            case ColumnKind.Numeric:
                _phase = Phase.Numeric;
                _values = new();
                break;
            case ColumnKind.Categorical:
                StartCategorical();
                break;
            case ColumnKind.Text:
                _phase = Phase.Text;
                _texts = new();
                break;
            default:
                _phase = Phase.Numeric;
                _values = new();
                _index = new(StringComparer.Ordinal);
                _categories = [];
                _codeOfBits = [];
                break;
        }
    }

    public string Name => _name;

    /// <summary>After <see cref="Build"/>, what the reader did beyond plain reading, in words (for a job's log); null if nothing.</summary>
    public string? Note { get; private set; }

    /// <summary>Adds the field at <paramref name="field"/> of the tokenizer's current record.</summary>
    public void Add(CsvTokenizer tokenizer, int field)
    {
        var text = tokenizer.Field(field);
        var quoted = tokenizer.IsQuoted(field);
        var missing = _missing.IsMissing(text, quoted) && !(_naIsCode && !quoted && text.SequenceEqual(CodeNA));
        if (_naCodeRows is not null) TrackCodes(text, quoted, missing);
        _rows++;
        if (_shapes is not null) AddToShapes(text, missing);
        switch (_phase)
        {
            case Phase.Numeric:
                if (missing)
                {
                    _values!.Add(float.NaN);
                    _codes?.Add(CategoricalColumn.Missing);
                }
                else if (CsvNumber.TryParsePlainDecimal(text, out var plain))
                {
                    if (_numbers.DecimalComma && text.Contains('.')) plain = PointAmongDecimalCommas(tokenizer, field, text, plain);
                    AddNumber(text, plain);
                }
                else if (_words is not null && IsWord(text))
                {
                    // Checked before the general parsers: a column of words would otherwise try every value as a number.
                    if (!AddWord(text)) Leave(tokenizer, field, text);
                }
                else if (_unit is not null && UnitShape.TrySplit(text, out var number, out var unit) && unit.SequenceEqual(_unit))
                {
                    _inUnit++;
                    AddNumber(text, number);
                }
                else if (!TryAddNumber(tokenizer, field, text, text) && !TryAddTypesetMinus(tokenizer, field, text))
                {
                    Leave(tokenizer, field, text);
                }
                break;
            default:
                Add(text, missing);
                break;
        }
    }

    /// <summary>
    /// Follows whether the column is one of codes (<c>EU</c>, <c>APAC</c>: two to five capital letters, unquoted) among
    /// which <c>NA</c> (North America, Namibia) is a code rather than the missing value it is elsewhere (see
    /// <see cref="CodeNA"/>): the rows of <c>NA</c> are kept until a value that is no such code ends the following.
    /// </summary>
    private void TrackCodes(ReadOnlySpan<char> text, bool quoted, bool missing)
    {
        if (missing)
        {
            if (!quoted && text.SequenceEqual(CodeNA)) _naCodeRows!.Add(_rows);
            return;
        }
        if (quoted || text.Length is < 2 or > 5 || text.ContainsAnyExceptInRange('A', 'Z')) _naCodeRows = null;
    }

    /// <summary>
    /// Adds <paramref name="text"/> as a number in one of the file's spellings (<see cref="TryAddSpelled"/>) or with a
    /// magnitude after it (<see cref="TryAddMagnitude"/>), keeping <paramref name="written"/> as the value's spelling.
    /// </summary>
    private bool TryAddNumber(CsvTokenizer tokenizer, int field, ReadOnlySpan<char> text, ReadOnlySpan<char> written) =>
        TryAddSpelled(tokenizer, field, text, written) || TryAddMagnitude(tokenizer, field, text, written);

    /// <summary>
    /// Adds <paramref name="text"/> as a number if one of the file's spellings reads it (<see cref="NumberSpellings"/>),
    /// keeping <paramref name="written"/> as the value's spelling, and counts how it was spelled.
    /// </summary>
    private bool TryAddSpelled(CsvTokenizer tokenizer, int field, ReadOnlySpan<char> text, ReadOnlySpan<char> written)
    {
        if (!_numbers.TryParse(text, out var value, out var spelling, out var currency) || (float.IsNaN(value) && _declared != ColumnKind.Numeric)) return false;
        if (!CurrencyFits(currency)) return false;
        if (spelling == NumberSpelling.Plain && _numbers.DecimalComma && text.Contains('.'))
            value = PointAmongDecimalCommas(tokenizer, field, text, value);
        Count(spelling);
        AddNumber(written, value);
        return true;
    }

    /// <summary>Counts a number read in <paramref name="spelling"/>, for the column's decisions and notes at the end.</summary>
    private void Count(NumberSpelling spelling)
    {
        if (spelling == NumberSpelling.DecimalComma) _decimalCommas++;
        if (spelling == NumberSpelling.PointGroups) _pointGroups++;
        if (spelling is NumberSpelling.Formatted or NumberSpelling.PointGroups) _formatted++;
    }

    /// <summary>
    /// Whether a number written with <paramref name="currency"/> (empty for none) may be one of this column, noting the
    /// currency: money in another currency than the unit the model's rows were written in (<c>EUR 99</c> where they
    /// wrote <c>99 USD</c>) is not.
    /// </summary>
    private bool CurrencyFits(ReadOnlySpan<char> currency)
    {
        if (currency.IsEmpty) return true;
        if (_unit is not null && !currency.SequenceEqual(_unit)) return false;
        if (_currencies is null || _currencies.Count < MaxCurrenciesNamed) (_currencies ??= new(StringComparer.Ordinal)).Add(currency.ToString());
        return true;
    }

    /// <summary>
    /// Adds a number whose minus is typeset (U+2212, <c>−12.5</c>, <c>−5K</c>, as some locales' spreadsheets and tables
    /// copied from the web write it) as it reads with an ASCII minus, where formatted numbers are read
    /// (<see cref="CsvOptions.FormattedNumbers"/>); false for any other value.
    /// </summary>
    private bool TryAddTypesetMinus(CsvTokenizer tokenizer, int field, ReadOnlySpan<char> text)
    {
        if (!_numbers.Formatted || text.Length is < 2 or > 64 || text[0] != '\u2212') return false;
        Span<char> ascii = stackalloc char[text.Length];
        text.CopyTo(ascii);
        ascii[0] = '-';
        if (!TryAddNumber(tokenizer, field, ascii, text)) return false;
        _typesetMinus++;
        return true;
    }

    /// <summary>
    /// Adds a number written with a magnitude (<c>201k</c>, <c>19M</c>, <c>$1.2B</c>) as the number it stands for, where
    /// formatted numbers are read (<see cref="CsvOptions.FormattedNumbers"/>) and the number before it reads in one of the
    /// file's spellings (points between thousands aside); false for any other value. A column whose every value has one
    /// magnitude reads as numbers in that unit instead (<see cref="UnitShape"/>), where units are read. The value keeps
    /// <paramref name="written"/> as its spelling.
    /// </summary>
    private bool TryAddMagnitude(CsvTokenizer tokenizer, int field, ReadOnlySpan<char> text, ReadOnlySpan<char> written)
    {
        if (!_numbers.Formatted || !CsvNumber.TrySplitMagnitude(text, out var number, out var magnitude, out var multiplier)
            || !_numbers.TryParse(number, out var value, out var spelling, out var currency) || spelling == NumberSpelling.PointGroups || float.IsNaN(value)
            || !CurrencyFits(currency)) return false;
        Count(spelling);
        (_magnitudes ??= []).Add(magnitude);
        _magnitudeValues++;
        AddNumber(written, (float)(value * multiplier));
        return true;
    }

    /// <summary>
    /// The number a value read as <paramref name="plain"/> with a point, in a file of decimal commas, is: a thousand times
    /// that where the model's rows grouped thousands with points (<c>1.234</c>), else <paramref name="plain"/>, noting
    /// the row for the column to decide at the end.
    /// </summary>
    private float PointAmongDecimalCommas(CsvTokenizer tokenizer, int field, ReadOnlySpan<char> text, float plain)
    {
        var thousands = CsvNumber.IsPointThousands(text);
        if (_pointsGroupThousands)
        {
            if (thousands && CsvNumber.TryParseFormatted(text, decimalComma: true, out var grouped)) return grouped;
            throw new DataFormatException(tokenizer.File, tokenizer.FieldLine(field), _name, text.ToString(),
                "this value has a point that does not group thousands, but the rows the model was fitted on wrote this column with points between thousands and a decimal comma (1.234,5)",
                "Write the number as those rows did (1.234,5 or 1234,5)");
        }
        if (thousands) (_pointThousandRows ??= []).Add(_values!.Count);
        else _decimalPoints++;
        return plain;
    }

    /// <summary>
    /// Whether this column's points group thousands though the model's rows did not say so: a value no other reading
    /// takes (<c>1.234,5</c>, <c>1.234.567</c>), or <c>1.234</c> beside decimal commas, and no point that groups nothing;
    /// never with formatted numbers off (<see cref="CsvOptions.FormattedNumbers"/>).
    /// </summary>
    private bool FoundPointThousands =>
        _numbers.Formatted && _decimalPoints == 0 && (_pointGroups > 0 || (_decimalCommas > 0 && _pointThousandRows is { Count: > 0 }));

    /// <summary>A value that is no number: an error in a column declared Numeric, else the column turns categorical with it.</summary>
    private void Leave(CsvTokenizer tokenizer, int field, ReadOnlySpan<char> text)
    {
        if (_declared == ColumnKind.Numeric)
        {
            throw new DataFormatException(tokenizer.File, tokenizer.FieldLine(field), _name, text.ToString(),
                "this value is not a number, but the column is declared Numeric",
                "Fix the value, add it to CsvOptions.MissingTokens, or declare the column Categorical or Text in CsvOptions.ColumnKinds");
        }
        LeaveNumeric();
        Add(text, missing: false);
    }

    /// <summary>
    /// The finished column, or for a column of dates its numeric parts (<see cref="CsvDate.Parts"/>, named
    /// <c>column.year</c> and so on); <paramref name="rows"/> is the frame's row count, used by the categorical rule.
    /// <paramref name="conventions"/>, when given, receives how the column was written where rows read later must know
    /// it (a date order, a unit).
    /// </summary>
    /// <remarks>Frees the builder's buffers: call once, last.</remarks>
    public Column[] Build(int rows, CsvOptions options, ColumnConventions? conventions = null)
    {
        try
        {
            if (_shapes?.FirstOrDefault(shape => shape.Count > 0) is { } shape)
            {
                if (shape.Settle(_name, out var why))
                {
                    Note = shape.Note(_name);
                    if (conventions is not null) shape.Keep(_name, conventions);
                    return shape.Build(_name);
                }
                Note = why;
            }
            if (_phase == Phase.Numeric && _words is { Count: > 0 })
            {
                if (_declared == ColumnKind.Numeric || DistinctNumbers >= MinDistinctNumbersWithWords)
                {
                    Note = $"'{_name}' holds numbers and {ValueShape.Words(WordCounts())}, read as missing values";
                }
                else
                {
                    LeaveNumeric();
                }
            }
            var column = BuildOne(rows, options);
            if (column is CategoricalColumn codes && _naCodeRows is { Count: > 0 } na && codes.Categories.Count > 0)
            {
                var naRows = na.ToHashSet();
                column = codes.With(CodeNA, (row, _) => naRows.Contains(row));
                conventions?.NACodes.Add(_name);
                AddNote($"'{CodeNA}' among codes ({string.Join(", ", codes.Categories.Take(5))}{(codes.Categories.Count > 5 ? ", ..." : "")}; {Values(na.Count)}), " +
                    $"read as the code {CodeNA} rather than as a missing value");
            }
            if (column is NumericColumn && _inUnit > 0)
            {
                AddNote($"numbers in '{_unit}' as the rows the model was fitted on did ({Values(_inUnit)}), read without the unit");
                if (conventions is not null) conventions.Units[_name] = _unit!;
            }
            // Points found to group thousands are said once, with the values formatted for reading where there are some.
            var pointThousands = column is NumericColumn && FoundPointThousands && !_pointsGroupThousands
                ? "points between thousands and a decimal comma (1.234,5), so 1.234 reads as 1234" : null;
            if (column is NumericColumn && (_pointsGroupThousands || pointThousands is not null) && conventions is not null)
                conventions.PointsGroupThousands.Add(_name);
            if (column is NumericColumn && _magnitudeValues > 0)
            {
                var magnitudes = string.Join(", ", _magnitudes!.OrderBy(CsvNumber.Multiplier).Select(m => $"{m}: {CsvNumber.MagnitudeName(m)}"));
                AddNote($"numbers written with magnitudes ({magnitudes}; {Values(_magnitudeValues)}), read as the numbers they stand for");
                conventions?.Magnitudes.Add(_name);
            }
            if (column is NumericColumn && _currencies is { Count: > 1 })
                AddNote($"money in {(_currencies.Count < MaxCurrenciesNamed ? _currencies.Count : "several")} currencies ({string.Join(", ", _currencies)}), read as written: " +
                    "convert them to one currency for the model to compare them");
            if (column is NumericColumn && _typesetMinus > 0) AddNote($"numbers written with a typeset minus, −12.5 ({Values(_typesetMinus)}), read as negative numbers");
            if (column is NumericColumn && _formatted > 0)
                AddNote($"numbers written with currency, percent or thousands marks ({Values(_formatted)}{(pointThousands is null ? "" : "; " + pointThousands)}), read as numbers");
            else if (pointThousands is not null)
                AddNote("numbers with " + pointThousands);
            return [column];
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Adds to <see cref="Note"/> what the column holds: <c>'x' holds ...</c>, or <c>; it holds ...</c> after an earlier note.</summary>
    private void AddNote(string holds) => Note = (Note is null ? $"'{_name}' holds " : Note + "; it holds ") + holds;

    /// <summary>
    /// The missing-value token that is also a code where a column's values are codes (<c>NA</c>: North America, Namibia),
    /// as R and pandas read it missing everywhere.
    /// </summary>
    private const string CodeNA = "NA";

    private static string Values(int count) => $"{count:N0} value{(count == 1 ? "" : "s")}";

    /// <summary>Fewest distinct numbers beside the words for the column to stay numeric: fewer are codes of categories.</summary>
    private const int MinDistinctNumbersWithWords = 20;

    private int DistinctNumbers => _index is null ? int.MaxValue : _categories!.Count - _words!.Count;

    /// <summary>
    /// A value without a digit (<c>unknown</c>, <c>-</c>): no number mistyped, so it can stand for a missing one. The
    /// spellings of infinity and NaN that parse as numbers are not words.
    /// </summary>
    private static bool IsWord(ReadOnlySpan<char> text) => !text.ContainsAnyInRange('0', '9') && !CsvNumber.IsNonFinite(text);

    /// <summary>Adds a word's row as a missing number, keeping its category for a column that turns categorical; false when the word would be one too many.</summary>
    private bool AddWord(ReadOnlySpan<char> text)
    {
        if (_words is null) return false;
        var row = _values!.Count;
        if (_index is not null)
        {
            // Only words lack a digit among the spellings the index holds here, so a known spelling is a known word.
            var codes = _index.GetAlternateLookup<ReadOnlySpan<char>>();
            if (_codes is not null && codes.TryGetValue(text, out var known))
            {
                _values.Add(float.NaN);
                _codes.Add(known);
                return true;
            }
            if (_words.Count == CsvOptions.MaxWordsInNumbers) return false;
            var word = text.ToString();
            _words.Add(word);
            // Rows so far map to codes through their floats; a word's NaN would read as missing, so codes are written from here on.
            if (_codes is null) MaterializeCodes();
            _values.Add(float.NaN);
            if (_categories!.Count < _maxCategories)
            {
                var code = _categories.Count;
                _categories.Add(word);
                _index.Add(word, code);
                _codes!.Add(code);
                return true;
            }
            ForgetSpellings();
            (_wordRows ??= []).Add((row, word));
            return true;
        }
        var words = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!words.TryGetValue(text, out var spelled))
        {
            if (_words.Count == CsvOptions.MaxWordsInNumbers) return false;
            spelled = text.ToString();
            _words.Add(spelled);
        }
        _values.Add(float.NaN);
        (_wordRows ??= []).Add((row, spelled));
        return true;
    }

    /// <summary>Each word's row count, in the order the words came, for the note.</summary>
    private Dictionary<string, int> WordCounts()
    {
        var counts = _words!.ToDictionary(w => w, _ => 0, StringComparer.Ordinal);
        foreach (var (_, word) in WordRows()) counts[word]++;
        return counts;
    }

    /// <summary>The words' rows, in row order: read from the codes while those are kept, else from <c>_wordRows</c>.</summary>
    private List<(int Row, string Word)> WordRows()
    {
        if (_codes is not { } codes) return _wordRows ?? [];
        var wordOfCode = _words!.ToDictionary(w => _index![w], w => w);
        var rows = new List<(int Row, string Word)>();
        for (var row = 0; row < codes.Count; row++)
        {
            if (wordOfCode.TryGetValue(codes[row], out var word)) rows.Add((row, word));
        }
        return rows;
    }

    private void AddToShapes(ReadOnlySpan<char> text, bool missing)
    {
        var shapes = _shapes!;
        foreach (var shape in shapes) shape.Add(text, missing);
        shapes.RemoveAll(shape => !shape.Fits);
        if (shapes.Count == 0) _shapes = null;
    }

    private Column BuildOne(int rows, CsvOptions options)
    {
        switch (_phase)
        {
            case Phase.Numeric:
                var values = _values!.ToArray();
                if (FoundPointThousands && !_pointsGroupThousands)
                {
                    // 1.234 read as 1.234 until the column told: the float times 1000, rounded, is the whole number exactly.
                    foreach (var row in _pointThousandRows ?? []) values[row] = MathF.Round(values[row] * 1000);
                }
                return new NumericColumn(_name, values);
            case Phase.Categorical:
                if (_declared == ColumnKind.Categorical || _categories!.Count <= TypeInference.CategoryLimit(rows, options))
                    return new CategoricalColumn(_name, _codes!.ToArray(), [.. _categories!]);
                ToText();
                return new TextColumn(_name, _texts!.ToArray());
            default:
                return new TextColumn(_name, _texts!.ToArray());
        }
    }

    /// <summary>Frees the native buffers (also on error paths, so a failed read leaks nothing).</summary>
    public void Dispose()
    {
        _values?.Dispose();
        _values = null;
        _codes?.Dispose();
        _codes = null;
        _texts = null;
        if (_shapes is { } shapes)
        {
            foreach (var shape in shapes) shape.Dispose();
        }
        _shapes = null;
    }

    private void Add(ReadOnlySpan<char> text, bool missing)
    {
        if (_phase == Phase.Categorical)
        {
            if (missing)
            {
                _codes!.Add(CategoricalColumn.Missing);
                return;
            }
            var lookup = _index!.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var code))
            {
                _codes!.Add(code);
                return;
            }
            if (_categories!.Count < _maxCategories)
            {
                code = _categories.Count;
                var s = text.ToString();
                _categories.Add(s);
                _index.Add(s, code);
                _codes!.Add(code);
                return;
            }
            ToText();
        }
        _texts!.Add(missing ? null : text.ToString());
    }

    private void AddNumber(ReadOnlySpan<char> text, float value)
    {
        var values = _values!;
        if (_index is not null)
        {
            var lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var code))
            {
                _codes?.Add(code);
            }
            else if (_categories!.Count < _maxCategories)
            {
                code = _categories.Count;
                var s = text.ToString();
                _categories.Add(s);
                _index.Add(s, code);
                if (_codes is null && !_codeOfBits!.TryAdd(BitConverter.SingleToInt32Bits(value), code))
                {
                    MaterializeCodes();
                }
                _codes?.Add(code);
            }
            else
            {
                ForgetSpellings();
            }
        }
        values.Add(value);
    }

    /// <summary>Too many distinct values to ever be categorical: stops tracking strings (see TypeInference remarks).</summary>
    private void ForgetSpellings()
    {
        // The codes held the words' rows; a list keeps them from here.
        if (_words is { Count: > 0 }) _wordRows = WordRows();
        _index = null;
        _categories = null;
        _codeOfBits = null;
        _codes?.Dispose();
        _codes = null;
    }

    /// <summary>Writes the code of every row so far, derived from its float (unambiguous until now).</summary>
    private void MaterializeCodes()
    {
        var values = _values!;
        var codes = new NativeBuffer<int>();
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            codes.Add(float.IsNaN(v) ? CategoricalColumn.Missing : _codeOfBits![BitConverter.SingleToInt32Bits(v)]);
        }
        _codes = codes;
    }

    private void LeaveNumeric()
    {
        // From here a word is a value of the column like any other.
        var words = _wordRows;
        _words = null;
        _wordRows = null;
        if (_index is not null)
        {
            if (_codes is null) MaterializeCodes();
            _phase = Phase.Categorical;
            _codeOfBits = null;
            _values!.Dispose();
            _values = null;
            return;
        }
        var values = _values!;
        var texts = new ChunkedBuffer<string?>();
        var next = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (words is not null && next < words.Count && words[next].Row == i)
                texts.Add(words[next++].Word);
            else
                texts.Add(float.IsNaN(v) ? null : v.ToString("R", CultureInfo.InvariantCulture));
        }
        _texts = texts;
        values.Dispose();
        _values = null;
        _phase = Phase.Text;
    }

    private void StartCategorical()
    {
        _phase = Phase.Categorical;
        _codes = new();
        _index = new(StringComparer.Ordinal);
        _categories = [];
    }

    private void ToText()
    {
        var codes = _codes!;
        var categories = _categories!;
        var texts = new ChunkedBuffer<string?>();
        for (var i = 0; i < codes.Count; i++)
        {
            var c = codes[i];
            texts.Add(c == CategoricalColumn.Missing ? null : categories[c]);
        }
        _texts = texts;
        codes.Dispose();
        _codes = null;
        _index = null;
        _categories = null;
        _phase = Phase.Text;
    }
}
