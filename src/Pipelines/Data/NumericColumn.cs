using System.Globalization;

namespace Pipelines.Data;

/// <summary>
/// A column of <c>float</c> values; <see cref="float.NaN"/> marks a missing value. The values are an array, or derived
/// from other columns as they are read (<see cref="DerivedValues"/>: imputed and one-hot columns). A derived column
/// makes an array only for readers that ask for all of its values at once (<see cref="Values"/>, <see cref="Memory"/>)
/// and keeps it only while a reader holds it; <see cref="CopyTo"/> and the indexer read it without one.
/// </summary>
public sealed class NumericColumn : Column
{
    // Rows a derived column computes at once where it is read whole (a count of missing values, a comparison).
    private const int BlockRows = 1024;

    private readonly float[]? _values;
    private readonly DerivedValues? _derived;

    // A derived column's values computed for a reader of the whole array; the collector may take them once no reader holds them.
    private readonly WeakReference<float[]?>? _computed;

    /// <summary>Wraps <paramref name="values"/> without copying: the caller hands the array over and must not change it afterwards.</summary>
    public NumericColumn(string name, float[] values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <summary>A column whose values are computed from <paramref name="values"/>'s sources as they are read.</summary>
    internal NumericColumn(string name, DerivedValues values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        _derived = values;
        _computed = new WeakReference<float[]?>(null);
    }

    public override ColumnKind Kind => ColumnKind.Numeric;
    public override int Length => _values?.Length ?? _derived!.Length;

    /// <summary>All the values; a derived column computes them into an array that lives while the span (or another reader) holds it.</summary>
    public ReadOnlySpan<float> Values => _values ?? Computed();

    public float this[int row] => _values is { } values ? values[row] : _derived!.At(row);

    /// <summary>Whether the values are derived from other columns as they are read rather than stored in an array of the column's own.</summary>
    public bool IsDerived => _derived is not null;

    public override bool IsMissing(int row) => float.IsNaN(this[row]);

    public override int MissingCount()
    {
        var count = 0;
        if (_values is not null)
        {
            foreach (var v in _values) if (float.IsNaN(v)) count++;
            return count;
        }
        Span<float> block = stackalloc float[BlockRows];
        for (var start = 0; start < Length; start += BlockRows)
        {
            var part = block[..Math.Min(BlockRows, Length - start)];
            _derived!.CopyTo(start, part);
            foreach (var v in part) if (float.IsNaN(v)) count++;
        }
        return count;
    }

    public override string? FormatValue(int row)
    {
        var value = this[row];
        return float.IsNaN(value) ? null : value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The values without a copy, for readers that keep them beyond a span's scope (a data view over the frame); a derived column computes them as <see cref="Values"/> does.</summary>
    public ReadOnlyMemory<float> Memory => _values ?? Computed();

    /// <summary>The column's own array, for <see cref="Core.ScratchColumns"/> (only a step that owns the column may write it); null for a derived column, which has none.</summary>
    internal float[]? Buffer => _values;

    /// <summary>
    /// Writes rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="destination"/>.Length) to
    /// <paramref name="destination"/>: how readers that go a block of rows at a time read a derived column without an
    /// array of all its values.
    /// </summary>
    public void CopyTo(int start, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(destination.Length, Length - start, nameof(destination));
        if (_values is not null) _values.AsSpan(start, destination.Length).CopyTo(destination);
        else _derived!.CopyTo(start, destination);
    }

    /// <summary>A fresh copy of the values that the caller may change.</summary>
    public float[] ToArray()
    {
        if (_values is not null) return (float[])_values.Clone();
        var result = new float[Length];
        _derived!.CopyTo(0, result);
        return result;
    }

    public override Column Take(ReadOnlySpan<int> rows)
    {
        var result = new float[rows.Length];
        if (_values is not null)
        {
            for (var i = 0; i < rows.Length; i++) result[i] = _values[rows[i]];
        }
        else
        {
            for (var i = 0; i < rows.Length; i++) result[i] = _derived!.At(rows[i]);
        }
        return new NumericColumn(Name, result);
    }

    public override Column Rename(string name) => _values is not null ? new NumericColumn(name, _values) : new NumericColumn(name, _derived!);

    public override bool ContentEquals(Column other)
    {
        if (other is not NumericColumn n || n.Name != Name || n.Length != Length) return false;
        for (var i = 0; i < Length; i++)
        {
            var a = this[i];
            var b = n[i];
            if (a != b && !(float.IsNaN(a) && float.IsNaN(b))) return false;
        }
        return true;
    }

    private float[] Computed()
    {
        if (_computed!.TryGetTarget(out var values) && values is not null) return values;
        values = new float[Length];
        _derived!.CopyTo(0, values);
        _computed.SetTarget(values);
        return values;
    }
}
