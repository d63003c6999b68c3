namespace Pipelines.Data;

/// <summary>
/// The values of a numeric column that other columns determine, computed as they are read instead of stored: an
/// imputed column is its source with NaN replaced, a one-hot column is 1 where its source's code has the column's
/// slot. A column of them costs no array of its own; readers that go a block at a time
/// (<see cref="NumericColumn.CopyTo"/>) never make one. The sources must not change while the values are read, which
/// holds because columns never change once built (scratch columns, written in place, are never a source).
/// </summary>
internal abstract class DerivedValues
{
    /// <summary>The number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>The value at <paramref name="row"/>.</summary>
    public abstract float At(int row);

    /// <summary>Writes rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="destination"/>.Length) to <paramref name="destination"/>.</summary>
    public abstract void CopyTo(int start, Span<float> destination);
}
