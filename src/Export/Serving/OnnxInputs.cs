using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Export.Serving;

/// <summary>Builds the inputs of an ONNX model from a frame, by the model's declared input names.</summary>
public static class OnnxInputs
{
    /// <summary>
    /// One value per declared input (<see cref="InferenceSession.InputMetadata"/>), from the column of the same name: a
    /// float input from a numeric column (NaN where missing), a string input from any column's formatted values ("" where
    /// missing); shape [N, 1] (or [N] for a rank-1 input). Float data is shared with the column's copy, not copied again.
    /// A missing column, or text where the model reads numbers, is a <see cref="SchemaException"/>.
    /// </summary>
    public static IReadOnlyList<NamedOnnxValue> FromFrame(IReadOnlyDictionary<string, NodeMetadata> inputs, DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(frame);
        var rows = frame.RowCount;
        var values = new List<NamedOnnxValue>(inputs.Count);
        foreach (var (name, input) in inputs)
        {
            if (!frame.Contains(name))
                throw new SchemaException(
                    $"The data has no column '{name}', which the model reads. The model reads: {string.Join(", ", inputs.Keys.Select(i => $"'{i}'"))}.");
            var column = frame[name];
            int[] shape = input.Dimensions.Length == 1 ? [rows] : [rows, 1];
            values.Add(input.ElementDataType switch
            {
                TensorElementType.Float when column is NumericColumn numeric =>
                    NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(numeric.ToArray(), shape)),
                TensorElementType.Float => throw new SchemaException(
                    $"Column '{name}' is {column.Kind.ToString().ToLowerInvariant()}, but the model reads it as numbers. Fix the values, or the column's kind."),
                TensorElementType.String => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(Strings(column), shape)),
                var other => throw new SchemaException($"The model's input '{name}' is {other}; only float and string inputs are supported."),
            });
        }
        return values;
    }

    private static string[] Strings(Column column)
    {
        var values = new string[column.Length];
        for (var r = 0; r < values.Length; r++) values[r] = column.IsMissing(r) ? "" : column.FormatValue(r) ?? "";
        return values;
    }
}
