namespace Pipelines.Data;

/// <summary>Name, kind and role of one column.</summary>
public sealed record ColumnSchema(string Name, ColumnKind Kind, ColumnRole Role = ColumnRole.Feature)
{
    /// <summary>
    /// For a part of a column of dates written as three numbers read as its parts (<c>when.month</c> of <c>31/01/2024</c>), the order
    /// they were written in, which rows read for a model that reads the part are read in; null otherwise.
    /// </summary>
    public DateOrder? DateOrder { get; init; }

    /// <summary>
    /// For a column of numbers written with a unit (<c>998 CC</c>) and read without it, the unit, which rows read for a
    /// model that reads the column may write or leave out, and no other; null otherwise.
    /// </summary>
    public string? Unit { get; init; }

    /// <summary>
    /// For a column of numbers written with points between thousands and a decimal comma (<c>1.234,5</c>), true: rows
    /// read for a model that reads the column from a file of decimal commas read <c>1.234</c> as 1234. Written to a
    /// pipeline file only when true.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool PointsGroupThousands { get; init; }

    /// <summary>
    /// For a column of numbers written with magnitudes (<c>201k</c>, <c>19M</c>), true: rows read for a model that reads
    /// the column read <c>19M</c> as 19,000,000 even where every value has that one magnitude. Written to a pipeline file
    /// only when true.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Magnitudes { get; init; }

    /// <summary>
    /// For a column of codes among which an unquoted <c>NA</c> was the code (North America, Namibia), true: rows read for
    /// a model that reads the column read it as the code, not as a missing value. Written to a pipeline file only when true.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool NACode { get; init; }

    /// <summary>
    /// For a categorical input of a fitted model, the categories of the rows it was fitted on, where known: rows read
    /// later for the model name the others, which the model scores as a category it never saw. Null otherwise; written
    /// to a pipeline file only when known. Compared by value.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Categories { get; init; }

    // Every property, the categories by value (a record compares lists by reference): a property added above joins here.
    public bool Equals(ColumnSchema? other) =>
        other is not null && Name == other.Name && Kind == other.Kind && Role == other.Role && DateOrder == other.DateOrder && Unit == other.Unit
        && PointsGroupThousands == other.PointsGroupThousands && Magnitudes == other.Magnitudes && NACode == other.NACode
        && (Categories is null ? other.Categories is null : other.Categories is not null && Categories.SequenceEqual(other.Categories, StringComparer.Ordinal));

    public override int GetHashCode() => HashCode.Combine(Name, Kind, Role, DateOrder, Unit, Categories?.Count);
}

/// <summary>
/// The columns of a frame, in order. A transformer's output schema is always exact. An estimator whose
/// output columns depend on the data it sees (one-hot names, selected features) returns a schema with
/// <see cref="IsExact"/> false: it lists only the columns that are certain to be there.
/// </summary>
public sealed class DataSchema : IEquatable<DataSchema>
{
    private readonly ColumnSchema[] _columns;
    private readonly Dictionary<string, int> _index;

    public DataSchema(IEnumerable<ColumnSchema> columns, bool isExact = true)
    {
        _columns = [.. columns];
        _index = new Dictionary<string, int>(_columns.Length, StringComparer.Ordinal);
        for (var i = 0; i < _columns.Length; i++)
        {
            if (!_index.TryAdd(_columns[i].Name, i))
                throw new Errors.SchemaException($"Two columns are named '{_columns[i].Name}'; column names must be unique.");
        }
        if (_columns.Count(c => c.Role == ColumnRole.Label) > 1)
            throw new Errors.SchemaException("More than one column has the label role; a frame has at most one label.");
        if (_columns.Count(c => c.Role == ColumnRole.Weight) > 1)
            throw new Errors.SchemaException("More than one column has the weight role; a frame has at most one weight column.");
        IsExact = isExact;
    }

    public IReadOnlyList<ColumnSchema> Columns => _columns;
    public int Count => _columns.Length;
    public bool IsExact { get; }
    public ColumnSchema this[int index] => _columns[index];

    /// <summary>
    /// This schema with each categorical feature's <see cref="ColumnSchema.Categories"/> set to the categories that
    /// <paramref name="training"/>'s rows hold (the rows a model of this schema was fitted on); other columns as they are.
    /// </summary>
    public DataSchema WithCategoriesOf(DataFrame training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return new DataSchema(_columns.Select(c => c.Kind == ColumnKind.Categorical && c.Role == ColumnRole.Feature && training.Contains(c.Name)
            && training[c.Name] is CategoricalColumn categorical ? c with { Categories = Present(categorical) } : c), IsExact);
    }

    /// <summary>This schema with <see cref="ColumnSchema.Categories"/> kept on the columns named in <paramref name="columns"/> only.</summary>
    public DataSchema WithCategoriesOnly(IReadOnlySet<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return new DataSchema(_columns.Select(c => c.Categories is null || columns.Contains(c.Name) ? c : c with { Categories = null }), IsExact);
    }

    private static string[] Present(CategoricalColumn column)
    {
        var counts = column.CountPerCategory();
        return [.. column.Categories.Where((_, i) => counts[i] > 0)];
    }

    /// <summary>The label column, if any.</summary>
    public ColumnSchema? Label => _columns.FirstOrDefault(c => c.Role == ColumnRole.Label);

    /// <summary>The weight column, if any.</summary>
    public ColumnSchema? Weight => _columns.FirstOrDefault(c => c.Role == ColumnRole.Weight);

    /// <summary>Feature columns (not label, not weight), in order.</summary>
    public IEnumerable<ColumnSchema> Features => _columns.Where(c => c.Role == ColumnRole.Feature);

    public bool Contains(string name) => _index.ContainsKey(name);

    public bool TryGet(string name, out ColumnSchema column)
    {
        if (_index.TryGetValue(name, out var i)) { column = _columns[i]; return true; }
        column = null!;
        return false;
    }

    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>This schema marked as not exact (see <see cref="IsExact"/>).</summary>
    public DataSchema AsPartial() => new(_columns, isExact: false);

    public bool Equals(DataSchema? other) =>
        other is not null && IsExact == other.IsExact && _columns.AsSpan().SequenceEqual(other._columns);

    public override bool Equals(object? obj) => Equals(obj as DataSchema);

    public override int GetHashCode() => HashCode.Combine(_columns.Length, IsExact);

    public override string ToString() =>
        string.Join(", ", _columns.Select(c => $"{c.Name}:{c.Kind}{(c.Role == ColumnRole.Feature ? "" : $"[{c.Role}]")}"))
        + (IsExact ? "" : ", ...");
}
