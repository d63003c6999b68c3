using System.Globalization;

namespace Pipelines.Data;

/// <summary>A column of <c>float</c> values; <see cref="float.NaN"/> marks a missing value.</summary>
public sealed class NumericColumn : Column
{
    private readonly float[] _values;

    /// <summary>Wraps <paramref name="values"/> without copying: the caller hands the array over and must not change it afterwards.</summary>
    public NumericColumn(string name, float[] values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    public override ColumnKind Kind => ColumnKind.Numeric;
    public override int Length => _values.Length;
    public ReadOnlySpan<float> Values => _values;
    public float this[int row] => _values[row];

    public override bool IsMissing(int row) => float.IsNaN(_values[row]);

    public override int MissingCount()
    {
        var count = 0;
        foreach (var v in _values) if (float.IsNaN(v)) count++;
        return count;
    }

    public override string? FormatValue(int row) =>
        float.IsNaN(_values[row]) ? null : _values[row].ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The values without a copy, for readers that keep them beyond a span's scope (a data view over the frame).</summary>
    public ReadOnlyMemory<float> Memory => _values;

    /// <summary>The array itself, for <see cref="Core.ScratchColumns"/>: only a step that owns the column may write it.</summary>
    internal float[] Buffer => _values;

    /// <summary>A fresh copy of the values that the caller may change.</summary>
    public float[] ToArray() => (float[])_values.Clone();

    public override Column Take(ReadOnlySpan<int> rows)
    {
        var result = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++) result[i] = _values[rows[i]];
        return new NumericColumn(Name, result);
    }

    public override Column Rename(string name) => new NumericColumn(name, _values);

    public override bool ContentEquals(Column other)
    {
        if (other is not NumericColumn n || n.Name != Name || n.Length != Length) return false;
        for (var i = 0; i < _values.Length; i++)
        {
            var a = _values[i];
            var b = n._values[i];
            if (a != b && !(float.IsNaN(a) && float.IsNaN(b))) return false;
        }
        return true;
    }
}
