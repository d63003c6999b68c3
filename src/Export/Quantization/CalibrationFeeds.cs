using Pipelines.Data;
using Pipelines.Export.Runtime;

namespace Pipelines.Export.Quantization;

/// <summary>
/// Graph inputs from frame rows, in the exporter's convention: each input is the column of the same name as [n, 1],
/// float for a numeric column (NaN = missing), string for a categorical or text one ("" = missing).
/// </summary>
internal static class CalibrationFeeds
{
    public static List<NamedTensor> For(IReadOnlyList<TensorInfo> inputs, DataFrame rows)
    {
        var feeds = new List<NamedTensor>(inputs.Count);
        foreach (var input in inputs)
        {
            if (!rows.Contains(input.Name))
                throw new ArgumentException($"The calibration rows have no column '{input.Name}', an input of the model; pass rows with the columns the model was exported from.", nameof(rows));
            var column = rows[input.Name];
            if (input.ElementType == TensorElementType.Float)
            {
                if (column is not NumericColumn numeric)
                    throw new ArgumentException($"Model input '{input.Name}' is float, but calibration column '{input.Name}' is {column.Kind}.", nameof(rows));
                feeds.Add(NamedTensor.FromFloats(input.Name, numeric.ToArray(), rows.RowCount, 1));
            }
            else if (input.ElementType == TensorElementType.String)
            {
                var values = new string[rows.RowCount];
                for (var r = 0; r < values.Length; r++) values[r] = column.FormatValue(r) ?? "";
                feeds.Add(NamedTensor.FromStrings(input.Name, values, rows.RowCount, 1));
            }
            else
            {
                throw new ArgumentException($"Model input '{input.Name}' is {input.ElementType}; calibration feeds float and string [N, 1] inputs only.", nameof(rows));
            }
        }
        return feeds;
    }
}
