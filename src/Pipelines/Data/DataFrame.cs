using Pipelines.Errors;

namespace Pipelines.Data;

/// <summary>
/// An immutable, column-oriented table. Every operation returns a new frame that shares the columns
/// it did not change; nothing is ever modified in place.
/// </summary>
public sealed class DataFrame
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _index;

    /// <param name="columns">Columns of equal length with unique names.</param>
    /// <param name="label">Name of the label column, if any.</param>
    /// <param name="weight">Name of the sample-weight column, if any.</param>
    public DataFrame(IEnumerable<Column> columns, string? label = null, string? weight = null)
    {
        _columns = [.. columns];
        _index = new Dictionary<string, int>(_columns.Length, StringComparer.Ordinal);
        RowCount = _columns.Length == 0 ? 0 : _columns[0].Length;
        for (var i = 0; i < _columns.Length; i++)
        {
            var c = _columns[i];
            if (c.Length != RowCount)
                throw new SchemaException($"Column '{c.Name}' has {c.Length} rows but column '{_columns[0].Name}' has {RowCount}; all columns need the same number of rows.");
            if (!_index.TryAdd(c.Name, i))
                throw new SchemaException($"Two columns are named '{c.Name}'; column names must be unique.");
        }
        if (label is not null && !_index.ContainsKey(label)) ThrowHelper.MissingColumn("DataFrame", label, Names);
        if (weight is not null && !_index.ContainsKey(weight)) ThrowHelper.MissingColumn("DataFrame", weight, Names);
        if (weight is not null && _columns[_index[weight]].Kind != ColumnKind.Numeric)
            ThrowHelper.WrongKind("DataFrame", weight, _columns[_index[weight]].Kind, ColumnKind.Numeric);
        if (label is not null && label == weight)
            throw new SchemaException($"Column '{label}' cannot be both the label and the weight.");
        LabelName = label;
        WeightName = weight;
        Schema = new DataSchema(_columns.Select(c => new ColumnSchema(c.Name, c.Kind, RoleOf(c.Name))));
    }

    public int RowCount { get; }
    public int ColumnCount => _columns.Length;
    public IReadOnlyList<Column> Columns => _columns;
    public IEnumerable<string> Names => _columns.Select(c => c.Name);
    public DataSchema Schema { get; }
    public string? LabelName { get; }
    public string? WeightName { get; }

    /// <summary>The label column, or null when the frame has none.</summary>
    public Column? Label => LabelName is null ? null : this[LabelName];

    /// <summary>The weight column, or null when the frame has none.</summary>
    public NumericColumn? Weight => WeightName is null ? null : (NumericColumn)this[WeightName];

    /// <summary>Feature columns: every column that is neither label nor weight.</summary>
    public IEnumerable<Column> Features => _columns.Where(c => RoleOf(c.Name) == ColumnRole.Feature);

    public Column this[string name] =>
        _index.TryGetValue(name, out var i) ? _columns[i] : throw MissingColumn(name);

    public Column this[int index] => _columns[index];

    public bool Contains(string name) => _index.ContainsKey(name);

    public ColumnRole RoleOf(string name) =>
        name == LabelName ? ColumnRole.Label : name == WeightName ? ColumnRole.Weight : ColumnRole.Feature;

    /// <summary>The column named <paramref name="name"/>, which must be numeric.</summary>
    public NumericColumn Numeric(string name) => As<NumericColumn>(name, ColumnKind.Numeric);

    /// <summary>The column named <paramref name="name"/>, which must be categorical.</summary>
    public CategoricalColumn Categorical(string name) => As<CategoricalColumn>(name, ColumnKind.Categorical);

    /// <summary>The same frame with <paramref name="name"/> as the label column.</summary>
    public DataFrame WithLabel(string? name) => new(_columns, name, WeightName == name ? null : WeightName);

    /// <summary>The same frame with <paramref name="name"/> as the sample-weight column.</summary>
    public DataFrame WithWeight(string? name) => new(_columns, LabelName, name);

    /// <summary>
    /// A frame with each given column replacing the column of the same name in place, or added after the others in the
    /// order given. One new frame for all of them: a transform that rewrites thousands of columns builds one frame,
    /// not one per column.
    /// </summary>
    public DataFrame With(params IEnumerable<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var result = new List<Column>(_columns);
        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (_index.TryGetValue(column.Name, out var i) || added.TryGetValue(column.Name, out i)) result[i] = column;
            else
            {
                added[column.Name] = result.Count;
                result.Add(column);
            }
        }
        return new DataFrame(result, LabelName, WeightName);
    }

    /// <summary>A frame with the named columns removed (the label and weight roles go with their columns).</summary>
    public DataFrame Without(params IEnumerable<string> names)
    {
        var drop = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var n in drop) if (!_index.ContainsKey(n)) throw MissingColumn(n);
        return new DataFrame(
            _columns.Where(c => !drop.Contains(c.Name)),
            LabelName is not null && drop.Contains(LabelName) ? null : LabelName,
            WeightName is not null && drop.Contains(WeightName) ? null : WeightName);
    }

    /// <summary>A frame with the same roles and a new set of columns (roles whose column is gone are dropped).</summary>
    public DataFrame WithColumns(IEnumerable<Column> columns)
    {
        var list = columns.ToList();
        bool Has(string? n) => n is not null && list.Exists(c => c.Name == n);
        return new DataFrame(list, Has(LabelName) ? LabelName : null, Has(WeightName) ? WeightName : null);
    }

    /// <summary>The given rows, in the given order (rows may repeat).</summary>
    public DataFrame Take(ReadOnlySpan<int> rows)
    {
        foreach (var r in rows)
        {
            if ((uint)r >= (uint)RowCount) throw new ArgumentOutOfRangeException(nameof(rows), $"Row {r} is outside a frame of {RowCount} rows.");
        }
        var taken = new Column[_columns.Length];
        for (var i = 0; i < taken.Length; i++) taken[i] = _columns[i].Take(rows);
        return new DataFrame(taken, LabelName, WeightName);
    }

    /// <summary>The first <paramref name="count"/> rows (or all, if fewer).</summary>
    public DataFrame Head(int count)
    {
        var n = Math.Min(count, RowCount);
        var rows = new int[n];
        for (var i = 0; i < n; i++) rows[i] = i;
        return Take(rows);
    }

    /// <summary>
    /// This frame's rows followed by <paramref name="other"/>'s. Both need the same column names and kinds;
    /// categorical dictionaries are merged (this frame's categories keep their codes).
    /// </summary>
    public DataFrame AppendRows(DataFrame other)
    {
        if (other.ColumnCount != ColumnCount || !Names.SequenceEqual(other.Names))
            throw new SchemaException($"Cannot append rows: columns differ ({Schema} vs {other.Schema}).");
        var merged = new Column[_columns.Length];
        for (var i = 0; i < merged.Length; i++) merged[i] = ColumnConcat.Concat(_columns[i], other._columns[i]);
        return new DataFrame(merged, LabelName, WeightName);
    }

    /// <summary>Whether both frames have the same schema and values (NaN equals NaN).</summary>
    public bool ContentEquals(DataFrame other)
    {
        if (!Schema.Equals(other.Schema) || RowCount != other.RowCount) return false;
        for (var i = 0; i < _columns.Length; i++)
        {
            if (!_columns[i].ContentEquals(other._columns[i])) return false;
        }
        return true;
    }

    public override string ToString() => $"DataFrame({RowCount} rows: {Schema})";

    private T As<T>(string name, ColumnKind kind) where T : Column
    {
        var column = this[name];
        if (column is not T typed) { ThrowHelper.WrongKind("DataFrame", name, column.Kind, kind); return null!; }
        return typed;
    }

    private SchemaException MissingColumn(string name) => ThrowHelper.MissingColumnError("DataFrame", name, Names);
}
