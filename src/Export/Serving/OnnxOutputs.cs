using System.Globalization;
using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Runtime;
using Pipelines.Prediction;

namespace Pipelines.Export.Serving;

/// <summary>Turns an ONNX model's outputs into prediction columns, named as the in-process ones (<see cref="PredictionColumns"/>).</summary>
public static class OnnxOutputs
{
    /// <summary>
    /// <see cref="OnnxLearnerOutputs.PredictedLabel"/> becomes the categorical PredictedLabel column (categories in
    /// <paramref name="classes"/> order), <see cref="OnnxLearnerOutputs.Probability"/> [N, K] one Probability.&lt;class&gt;
    /// column per class, <see cref="OnnxLearnerOutputs.Score"/> the Score column. Any other output becomes a column of its
    /// own name (name.1, name.2, ... when it has several columns).
    /// </summary>
    /// <param name="outputs">What the session returned.</param>
    /// <param name="classes">The class names (the model's "label_classes" metadata); null names probability columns by index.</param>
    public static DataFrame ToFrame(IReadOnlyList<NamedTensor> outputs, IReadOnlyList<string>? classes)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var columns = new List<Column>();
        foreach (var output in outputs)
        {
            var rows = (int)output.Shape[0];
            var width = output.Shape.Count == 1 ? 1 : (int)(output.Length / Math.Max(1, rows));
            if (output.ElementType == TensorElementType.String)
            {
                columns.Add(Labels(output.Name, output.GetStrings(), output.Name == OnnxLearnerOutputs.PredictedLabel ? classes : null));
                continue;
            }
            var values = output.ElementType == TensorElementType.Int64
                ? [.. output.GetInt64s().Select(v => (float)v)]
                : output.GetFloats();
            for (var j = 0; j < width; j++)
            {
                var name = output.Name switch
                {
                    OnnxLearnerOutputs.Probability => PredictionColumns.Probability(classes is not null && j < classes.Count ? classes[j] : j.ToString(CultureInfo.InvariantCulture)),
                    _ when width == 1 => output.Name,
                    _ => output.Name + "." + (j + 1).ToString(CultureInfo.InvariantCulture),
                };
                var column = new float[rows];
                for (var r = 0; r < rows; r++) column[r] = values[r * width + j];
                columns.Add(new NumericColumn(name, column));
            }
        }
        return new DataFrame(columns);
    }

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
