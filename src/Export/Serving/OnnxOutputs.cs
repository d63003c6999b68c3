using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Export.Onnx;
using Pipelines.Prediction;

namespace Pipelines.Export.Serving;

/// <summary>Turns an ONNX model's outputs into prediction columns, named as the in-process ones (<see cref="PredictionColumns"/>).</summary>
public static class OnnxOutputs
{
    /// <summary>
    /// <see cref="OnnxLearnerOutputs.PredictedLabel"/> becomes the categorical PredictedLabel column (categories in
    /// <paramref name="classes"/> order), <see cref="OnnxLearnerOutputs.Probability"/> [N, K] one Probability.&lt;class&gt;
    /// column per class, <see cref="OnnxLearnerOutputs.Score"/> the Score column. Any other output becomes a column of its
    /// own name (name.1, name.2, ... when it has several columns). Outputs must be float, int64 or string tensors.
    /// </summary>
    /// <param name="outputs">What the session returned (the values are read, not disposed).</param>
    /// <param name="classes">The class names (the model's "label_classes" metadata); null names probability columns by index.</param>
    public static DataFrame ToFrame(IEnumerable<NamedOnnxValue> outputs, IReadOnlyList<string>? classes)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var columns = new List<Column>();
        foreach (var output in outputs)
        {
            switch (output.Value)
            {
                case Tensor<string> strings:
                    columns.Add(Labels(output.Name, Elements(strings), output.Name == OnnxLearnerOutputs.PredictedLabel ? classes : null));
                    break;
                case Tensor<float> floats:
                    AddNumbers(columns, output.Name, floats.Dimensions, Elements(floats), classes);
                    break;
                case Tensor<long> longs:
                    AddNumbers(columns, output.Name, longs.Dimensions, Array.ConvertAll(Elements(longs), v => (float)v), classes);
                    break;
                default:
                    throw new ModelFormatException(
                        $"The model's output '{output.Name}' is {output.Value?.GetType().Name ?? "empty"}; predictions are read from float, int64 or string tensors.");
            }
        }
        return new DataFrame(columns);
    }

    private static void AddNumbers(List<Column> columns, string name, ReadOnlySpan<int> shape, float[] values, IReadOnlyList<string>? classes)
    {
        var rows = shape.Length == 0 ? values.Length : shape[0];
        var width = shape.Length <= 1 ? 1 : values.Length / Math.Max(1, rows);
        for (var j = 0; j < width; j++)
        {
            var columnName = name switch
            {
                OnnxLearnerOutputs.Probability => PredictionColumns.Probability(classes is not null && j < classes.Count ? classes[j] : j.ToString(CultureInfo.InvariantCulture)),
                _ when width == 1 => name,
                _ => name + "." + (j + 1).ToString(CultureInfo.InvariantCulture),
            };
            var column = new float[rows];
            for (var r = 0; r < rows; r++) column[r] = values[r * width + j];
            columns.Add(new NumericColumn(columnName, column));
        }
    }

    // Outputs are dense tensors over ORT's memory: one block copy rather than an element-by-element enumeration.
    private static T[] Elements<T>(Tensor<T> tensor) => tensor is DenseTensor<T> dense ? dense.Buffer.ToArray() : [.. tensor];

    private static CategoricalColumn Labels(string name, string[] values, IReadOnlyList<string>? classes)
    {
        if (classes is null) return CategoricalColumn.FromValues(name, [.. values.Select(v => v.Length == 0 ? null : v)]);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < classes.Count; c++) index.TryAdd(classes[c], c);
        var codes = new int[values.Length];
        for (var r = 0; r < values.Length; r++) codes[r] = index.GetValueOrDefault(values[r], -1);
        return new CategoricalColumn(name, codes, [.. classes]);
    }
}
