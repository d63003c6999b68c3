namespace Pipelines.Data;

/// <summary>
/// A column of category codes into <see cref="Categories"/>; code <see cref="Missing"/> (-1) marks a missing value.
/// Categories are distinct; their order is the order codes refer to.
/// </summary>
public sealed class CategoricalColumn : Column
{
    public const int Missing = -1;
    private readonly int[] _codes;
    private readonly string[] _categories;

    /// <summary>Wraps the arrays without copying: the caller hands them over and must not change them afterwards.</summary>
    public CategoricalColumn(string name, int[] codes, string[] categories) : base(name)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(categories);
        foreach (var code in codes)
        {
            if (code < Missing || code >= categories.Length)
                throw new ArgumentException($"Column '{name}': code {code} is outside the {categories.Length} categories.", nameof(codes));
        }
        _codes = codes;
        _categories = categories;
    }

    /// <summary>Builds a column from values, giving categories codes in order of first appearance; null is missing.</summary>
    public static CategoricalColumn FromValues(string name, IReadOnlyList<string?> values)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new List<string>();
        var codes = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (v is null) { codes[i] = Missing; continue; }
            if (!index.TryGetValue(v, out var code))
            {
                code = categories.Count;
                index.Add(v, code);
                categories.Add(v);
            }
            codes[i] = code;
        }
        return new CategoricalColumn(name, codes, [.. categories]);
    }

    public override ColumnKind Kind => ColumnKind.Categorical;
    public override int Length => _codes.Length;
    public ReadOnlySpan<int> Codes => _codes;
    public IReadOnlyList<string> Categories => _categories;
    public int this[int row] => _codes[row];

    /// <summary>The category name at <paramref name="row"/>; null when missing.</summary>
    public string? ValueAt(int row) => _codes[row] == Missing ? null : _categories[_codes[row]];

    public override bool IsMissing(int row) => _codes[row] == Missing;

    public override int MissingCount()
    {
        var count = 0;
        foreach (var c in _codes) if (c == Missing) count++;
        return count;
    }

    public override string? FormatValue(int row) => ValueAt(row);

    /// <summary>
    /// This column with the rows <paramref name="rows"/> picks of it (a row's code, missing for a missing row) given
    /// <paramref name="category"/>, which is added after the others where it is not one of them.
    /// </summary>
    public CategoricalColumn With(string category, Func<int, int, bool> rows)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(rows);
        var categories = _categories.ToList();
        var code = categories.IndexOf(category);
        if (code < 0)
        {
            code = categories.Count;
            categories.Add(category);
        }
        var codes = _codes.ToArray();
        for (var r = 0; r < codes.Length; r++)
        {
            if (rows(r, codes[r])) codes[r] = code;
        }
        return new CategoricalColumn(Name, codes, [.. categories]);
    }

    /// <summary>Number of rows per category code (missing rows not counted).</summary>
    public int[] CountPerCategory()
    {
        var counts = new int[_categories.Length];
        foreach (var c in _codes) if (c != Missing) counts[c]++;
        return counts;
    }

    public override Column Take(ReadOnlySpan<int> rows)
    {
        var result = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++) result[i] = _codes[rows[i]];
        return new CategoricalColumn(Name, result, _categories);
    }

    public override Column Rename(string name) => new CategoricalColumn(name, _codes, _categories);

    /// <summary>Same values recoded against <paramref name="categories"/>; values not in it become missing.</summary>
    public CategoricalColumn Recode(IReadOnlyList<string> categories)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++) index[categories[i]] = i;
        var map = new int[_categories.Length];
        for (var i = 0; i < map.Length; i++) map[i] = index.TryGetValue(_categories[i], out var c) ? c : Missing;
        var codes = new int[_codes.Length];
        for (var i = 0; i < codes.Length; i++) codes[i] = _codes[i] == Missing ? Missing : map[_codes[i]];
        return new CategoricalColumn(Name, codes, [.. categories]);
    }

    /// <summary>Compares values (not codes), so two columns with differently ordered dictionaries can be equal.</summary>
    public override bool ContentEquals(Column other)
    {
        if (other is not CategoricalColumn c || c.Name != Name || c.Length != Length) return false;
        for (var i = 0; i < _codes.Length; i++)
        {
            if (!string.Equals(ValueAt(i), c.ValueAt(i), StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
