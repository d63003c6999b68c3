namespace Pipelines.Data;

/// <summary>A column of free text; null marks a missing value.</summary>
public sealed class TextColumn : Column
{
    private readonly string?[] _values;

    /// <summary>Wraps <paramref name="values"/> without copying: the caller hands the array over.</summary>
    public TextColumn(string name, string?[] values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    public override ColumnKind Kind => ColumnKind.Text;
    public override int Length => _values.Length;
    public ReadOnlySpan<string?> Values => _values;
    public string? this[int row] => _values[row];

    public override bool IsMissing(int row) => _values[row] is null;

    public override int MissingCount()
    {
        var count = 0;
        foreach (var v in _values) if (v is null) count++;
        return count;
    }

    public override string? FormatValue(int row) => _values[row];

    public override Column Take(ReadOnlySpan<int> rows)
    {
        var result = new string?[rows.Length];
        for (var i = 0; i < rows.Length; i++) result[i] = _values[rows[i]];
        return new TextColumn(Name, result);
    }

    public override Column Rename(string name) => new TextColumn(name, _values);

    public override bool ContentEquals(Column other) =>
        other is TextColumn t && t.Name == Name && _values.AsSpan().SequenceEqual(t._values);
}
