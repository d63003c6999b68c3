using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Export.Runtime;

namespace Pipelines.Export.Serving;

/// <summary>Builds the input tensors of an ONNX model from a frame, by the model's declared input names.</summary>
public static class OnnxInputs
{
    /// <summary>
    /// One tensor per declared input, from the column of the same name: a float input from a numeric column (NaN where
    /// missing), a string input from any column's formatted values ("" where missing); shape [N, 1] (or [N] for a
    /// rank-1 input). A missing column, or text where the model reads numbers, is a <see cref="SchemaException"/>.
    /// </summary>
    public static IReadOnlyList<NamedTensor> FromFrame(IReadOnlyList<TensorInfo> inputs, DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(frame);
        var rows = frame.RowCount;
        var tensors = new List<NamedTensor>(inputs.Count);
        foreach (var input in inputs)
        {
            if (!frame.Contains(input.Name))
                throw new SchemaException(
                    $"The data has no column '{input.Name}', which the model reads. The model reads: {string.Join(", ", inputs.Select(i => $"'{i.Name}'"))}.");
            var column = frame[input.Name];
            long[] shape = input.Shape.Count == 1 ? [rows] : [rows, 1];
            tensors.Add(input.ElementType switch
            {
                TensorElementType.Float when column is NumericColumn numeric => NamedTensor.FromFloats(input.Name, numeric.ToArray(), shape),
                TensorElementType.Float => throw new SchemaException(
                    $"Column '{input.Name}' is {column.Kind.ToString().ToLowerInvariant()}, but the model reads it as numbers. Fix the values, or the column's kind."),
                TensorElementType.String => NamedTensor.FromStrings(input.Name, Strings(column), shape),
                _ => throw new SchemaException($"The model's input '{input.Name}' is {input.ElementType}; only float and string inputs are supported."),
            });
        }
        return tensors;
    }

    private static string[] Strings(Column column)
    {
        var values = new string[column.Length];
        for (var r = 0; r < values.Length; r++) values[r] = column.IsMissing(r) ? "" : column.FormatValue(r) ?? "";
        return values;
    }
}
