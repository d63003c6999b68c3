using Pipelines.Data;

namespace Pipelines.Trainers.Gan.Transform;

/// <summary>The learned encoding of one column of the table: how it becomes a block of the encoded matrix and back.</summary>
public abstract record ColumnTransform(string Name)
{
    /// <summary>Encoded width of this column's block.</summary>
    public abstract int Width { get; }

    /// <summary>The spans of its block, with starts relative to the block.</summary>
    public abstract IReadOnlyList<OutputSpan> Spans { get; }

    /// <summary>Writes the encoding of <paramref name="row"/> of <paramref name="column"/> into <paramref name="block"/> (zeroed, length <see cref="Width"/>).</summary>
    internal abstract void Encode(Column column, int row, Span<float> block, Random random);

    /// <summary>A column of <paramref name="rows"/> decoded values; block i is at <c>matrix[i * stride + offset ..]</c>.</summary>
    internal abstract Column Decode(ReadOnlySpan<float> matrix, int rows, int stride, int offset);

    /// <summary>Index of the largest value (the first one on ties).</summary>
    internal static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
