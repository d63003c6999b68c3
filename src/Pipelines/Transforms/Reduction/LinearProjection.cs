using System.Numerics.Tensors;
using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Transforms.Reduction;

/// <summary>
/// y_j = sum_i W[j, i] * (x_i - mean_i): the mapping of every fitted linear reduction (PCA, LDA). The
/// outputs take the place of the inputs: they sit where the first input column was, and the inputs go.
/// </summary>
internal static class LinearProjection
{
    /// <summary>The schema after replacing <paramref name="inputs"/> by numeric <paramref name="outputs"/>; no checks.</summary>
    public static DataSchema ReplaceSchema(DataSchema input, IReadOnlyCollection<string> inputs, IReadOnlyList<string> outputs, bool exact = true)
    {
        var removed = new HashSet<string>(inputs, StringComparer.Ordinal);
        var columns = new List<ColumnSchema>(input.Count);
        var placed = false;
        foreach (var column in input.Columns)
        {
            if (!removed.Contains(column.Name)) { columns.Add(column); continue; }
            if (placed) continue;
            columns.AddRange(outputs.Select(o => new ColumnSchema(o, ColumnKind.Numeric)));
            placed = true;
        }
        if (!placed) columns.AddRange(outputs.Select(o => new ColumnSchema(o, ColumnKind.Numeric)));
        return new DataSchema(columns, exact);
    }

    /// <summary>Checks the inputs are there and numeric, then returns the exact output schema.</summary>
    public static DataSchema OutputSchema(string step, DataSchema input, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
    {
        ColumnSelection.Require(step, input, inputs, ColumnKind.Numeric);
        return ReplaceSchema(input, inputs, outputs);
    }

    /// <summary>Projects <paramref name="input"/>; <paramref name="weights"/> is row-major, one row of <c>inputs.Count</c> weights per output.</summary>
    public static DataFrame Apply(string step, DataFrame input, IReadOnlyList<string> inputs, IReadOnlyList<float> means, IReadOnlyList<float> weights, IReadOnlyList<string> outputs)
    {
        OutputSchema(step, input.Schema, inputs, outputs);
        MissingValues.Refuse(step, input, inputs);
        var n = input.RowCount;
        var p = inputs.Count;
        var centered = new float[p][];
        for (var i = 0; i < p; i++)
        {
            centered[i] = new float[n];
            TensorPrimitives.Subtract(input.Numeric(inputs[i]).Values, means[i], centered[i]);
        }
        var scratch = new float[n];
        var projected = new Column[outputs.Count];
        for (var j = 0; j < outputs.Count; j++)
        {
            var values = new float[n];
            for (var i = 0; i < p; i++)
            {
                // Separate multiply and add (not a fused multiply-add) round the same in vector and scalar
                // code, so a row transformed alone gives exactly what it gives within a frame.
                TensorPrimitives.Multiply(centered[i], weights[j * p + i], scratch);
                TensorPrimitives.Add(values, scratch, values);
            }
            projected[j] = new NumericColumn(outputs[j], values);
        }
        var removed = new HashSet<string>(inputs, StringComparer.Ordinal);
        var result = new List<Column>(input.ColumnCount + projected.Length);
        var placed = false;
        foreach (var column in input.Columns)
        {
            if (!removed.Contains(column.Name)) { result.Add(column); continue; }
            if (placed) continue;
            result.AddRange(projected);
            placed = true;
        }
        if (!placed) result.AddRange(projected);
        return input.WithColumns(result);
    }

    /// <summary>Names prefix1..prefixK.</summary>
    public static string[] Names(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
