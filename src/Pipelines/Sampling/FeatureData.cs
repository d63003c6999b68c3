using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Sampling;

/// <summary>Feature checks and gathering shared by the samplers and augmenters that compute with feature values.</summary>
internal static class FeatureData
{
    /// <summary>The numeric feature columns, in frame order (label and weight are not features).</summary>
    public static NumericColumn[] NumericFeatures(DataFrame input) => [.. input.Features.OfType<NumericColumn>()];

    /// <summary>The categorical feature columns, in frame order.</summary>
    public static CategoricalColumn[] CategoricalFeatures(DataFrame input) => [.. input.Features.OfType<CategoricalColumn>()];

    /// <summary>Throws the standard missing-value error for the first NaN in any of <paramref name="columns"/>.</summary>
    public static void RequireComplete(string step, IEnumerable<NumericColumn> columns)
    {
        foreach (var column in columns)
        {
            var values = column.Values;
            for (var row = 0; row < values.Length; row++)
            {
                var v = values[row];
                if (float.IsFinite(v)) continue;
                if (float.IsNaN(v)) ThrowHelper.MissingValues(step, column.Name, row);
                throw new DataValueException(
                    $"{step}: column '{column.Name}' has the value {v} (row {row}); this step needs finite numbers. Clip or drop it first.");
            }
        }
    }

    /// <summary>The values of <paramref name="rows"/> as a row-major <c>rows × columns</c> matrix.</summary>
    public static float[] Gather(NumericColumn[] columns, ReadOnlySpan<int> rows)
    {
        var dim = columns.Length;
        var matrix = new float[rows.Length * dim];
        for (var j = 0; j < dim; j++)
        {
            var values = columns[j].Values;
            for (var i = 0; i < rows.Length; i++) matrix[i * dim + j] = values[rows[i]];
        }
        return matrix;
    }

    /// <summary>
    /// New rows that copy every column of <paramref name="sources"/> (label, text, categorical, weight) except
    /// the named numeric columns, which take the given values (column-major: <c>values[j][i]</c> for column j, new row i).
    /// </summary>
    public static DataFrame Replace(DataFrame input, ReadOnlySpan<int> sources, NumericColumn[] columns, float[][] values)
    {
        var replaced = new Column[columns.Length];
        for (var j = 0; j < columns.Length; j++) replaced[j] = new NumericColumn(columns[j].Name, values[j]);
        return input.Take(sources).With(replaced);
    }

    /// <summary>Column-major buffers for <paramref name="columns"/> new values of <paramref name="rows"/> rows.</summary>
    public static float[][] Buffers(int columns, int rows)
    {
        var buffers = new float[columns][];
        for (var j = 0; j < columns; j++) buffers[j] = new float[rows];
        return buffers;
    }
}
