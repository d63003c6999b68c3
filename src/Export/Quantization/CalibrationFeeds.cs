using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Pipelines.Data;

namespace Pipelines.Export.Quantization;

/// <summary>
/// Graph inputs from frame rows, in the exporter's convention: each input is the column of the same name as [n, 1],
/// float for a numeric column (NaN = missing), string for a categorical or text one ("" = missing).
/// </summary>
internal static class CalibrationFeeds
{
    public static List<NamedOnnxValue> For(IReadOnlyDictionary<string, NodeMetadata> inputs, DataFrame rows)
    {
        var feeds = new List<NamedOnnxValue>(inputs.Count);
        int[] shape = [rows.RowCount, 1];
        foreach (var (name, input) in inputs)
        {
            if (!rows.Contains(name))
                throw new ArgumentException($"The calibration rows have no column '{name}', an input of the model; pass rows with the columns the model was exported from.", nameof(rows));
            var column = rows[name];
            if (input.ElementDataType == TensorElementType.Float)
            {
                if (column is not NumericColumn numeric)
                    throw new ArgumentException($"Model input '{name}' is float, but calibration column '{name}' is {column.Kind}.", nameof(rows));
                feeds.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(numeric.ToArray(), shape)));
            }
            else if (input.ElementDataType == TensorElementType.String)
            {
                var values = new string[rows.RowCount];
                for (var r = 0; r < values.Length; r++) values[r] = column.FormatValue(r) ?? "";
                feeds.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(values, shape)));
            }
            else
            {
                throw new ArgumentException($"Model input '{name}' is {input.ElementDataType}; calibration feeds float and string [N, 1] inputs only.", nameof(rows));
            }
        }
        return feeds;
    }
}
