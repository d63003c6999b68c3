namespace Pipelines.Data;

/// <summary>
/// An immutable, named column of a <see cref="DataFrame"/>. Values live in one contiguous array;
/// a column never changes after it is built, so frames can share columns freely.
/// </summary>
public abstract class Column
{
    private protected Column(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }
    public abstract ColumnKind Kind { get; }
    public abstract int Length { get; }

    /// <summary>Whether row <paramref name="row"/> holds a missing value.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>Number of missing values in the column.</summary>
    public abstract int MissingCount();

    /// <summary>The value at <paramref name="row"/> as text, in invariant culture; null when missing.</summary>
    public abstract string? FormatValue(int row);

    /// <summary>A new column holding the given rows, in the given order (rows may repeat).</summary>
    public abstract Column Take(ReadOnlySpan<int> rows);

    /// <summary>The same values under another name.</summary>
    public abstract Column Rename(string name);

    /// <summary>Whether both columns have the same kind, name and values (NaN equals NaN).</summary>
    public abstract bool ContentEquals(Column other);
}
