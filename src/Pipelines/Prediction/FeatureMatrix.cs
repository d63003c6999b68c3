using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Prediction;

/// <summary>Gathers numeric feature columns into one row-major matrix, the layout matrix products want.</summary>
public static class FeatureMatrix
{
    /// <summary>The named numeric columns of <paramref name="data"/> as rows x features, row-major.</summary>
    public static float[] RowMajor(DataFrame data, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(features);
        var columns = new Column[features.Count];
        for (var i = 0; i < columns.Length; i++) columns[i] = data[features[i]];
        return RowMajor(columns);
    }

    /// <summary>Numeric <paramref name="columns"/> (equal length) as rows x columns, row-major.</summary>
    public static float[] RowMajor(IReadOnlyList<Column> columns)
    {
        var numeric = Numeric(columns);
        var rows = numeric.Length == 0 ? 0 : numeric[0].Length;
        var matrix = new float[rows * numeric.Length];
        for (var start = 0; start < rows; start += BlockRows)
        {
            var count = Math.Min(BlockRows, rows - start);
            RowMajor(numeric, start, matrix.AsSpan(start * numeric.Length, count * numeric.Length));
        }
        return matrix;
    }

    /// <summary>The named columns of <paramref name="data"/>, each of which must be numeric.</summary>
    public static NumericColumn[] Numeric(DataFrame data, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(features);
        return Numeric([.. features.Select(f => data[f])]);
    }

    /// <summary>
    /// Rows [<paramref name="start"/>, <paramref name="start"/> + n) of <paramref name="columns"/> (d of them) into
    /// <paramref name="destination"/> (n · d values), row-major: what predictors read a block of rows at a time, so
    /// the features of every row are never copied at once and derived columns are computed a block at a time.
    /// </summary>
    public static void RowMajor(IReadOnlyList<NumericColumn> columns, int start, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var d = columns.Count;
        if (d == 0) return;
        var rows = destination.Length / d;
        Span<float> values = stackalloc float[Math.Min(rows, BlockRows)];
        for (var from = 0; from < rows; from += values.Length)
        {
            var count = Math.Min(values.Length, rows - from);
            for (var j = 0; j < d; j++)
            {
                columns[j].CopyTo(start + from, values[..count]);
                for (var r = 0; r < count; r++) destination[(from + r) * d + j] = values[r];
            }
        }
    }

    // Rows a block holds where a whole matrix is filled block by block.
    private const int BlockRows = 1024;

    private static NumericColumn[] Numeric(IReadOnlyList<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var numeric = new NumericColumn[columns.Count];
        for (var j = 0; j < numeric.Length; j++)
        {
            if (columns[j] is not NumericColumn n)
            {
                ThrowHelper.WrongKind(nameof(FeatureMatrix), columns[j].Name, columns[j].Kind, ColumnKind.Numeric);
                return numeric;
            }
            numeric[j] = n;
        }
        return numeric;
    }
}
