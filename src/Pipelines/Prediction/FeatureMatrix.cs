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

    /// <summary>Numeric <paramref name="columns"/>' values as they are, without a copy, for learners that read column by column.</summary>
    public static ReadOnlyMemory<float>[] Columns(IReadOnlyList<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var values = new ReadOnlyMemory<float>[columns.Count];
        for (var j = 0; j < values.Length; j++)
        {
            if (columns[j] is not NumericColumn numeric)
            {
                ThrowHelper.WrongKind(nameof(FeatureMatrix), columns[j].Name, columns[j].Kind, ColumnKind.Numeric);
                return values;
            }
            values[j] = numeric.Memory;
        }
        return values;
    }

    /// <summary>Numeric <paramref name="columns"/> (equal length) as rows x columns, row-major.</summary>
    public static float[] RowMajor(IReadOnlyList<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var rows = columns.Count == 0 ? 0 : columns[0].Length;
        var d = columns.Count;
        var matrix = new float[rows * d];
        for (var j = 0; j < d; j++)
        {
            if (columns[j] is not NumericColumn numeric)
            {
                ThrowHelper.WrongKind(nameof(FeatureMatrix), columns[j].Name, columns[j].Kind, ColumnKind.Numeric);
                return matrix;
            }
            var values = numeric.Values;
            for (var r = 0; r < rows; r++) matrix[r * d + j] = values[r];
        }
        return matrix;
    }
}
