using Pipelines.Export.Onnx.Conversion;
using Pipelines.Transforms.Encoding;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="LookupEncoder"/> (ordinal, frequency, target encoding): per output column, an ai.onnx.ml LabelEncoder from
/// category name to float, with the learned categories as keys, "" (missing) mapped to the missing value, and the
/// unseen value as default.
/// </summary>
[OnnxConverter]
public sealed class LookupEncoderConverter : OnnxConverter<LookupEncoder>
{
    /// <inheritdoc/>
    protected override void Convert(LookupEncoder transformer, OnnxConversionContext context)
    {
        var graph = context.Graph;
        for (var i = 0; i < transformer.Columns.Count; i++)
        {
            var column = transformer.Columns[i];
            var categories = transformer.Categories[i];
            var outputs = transformer.Outputs[i];
            var values = transformer.Values[i];
            var k = outputs.Count;
            OnnxPatterns.RefuseEmptyCategory(nameof(LookupEncoder), column, categories);
            var x = context.Categorical(column);
            context.Remove(column);
            for (var j = 0; j < k; j++)
            {
                var lookup = new float[categories.Count + 1];
                for (var c = 0; c < categories.Count; c++) lookup[c] = values[c * k + j];
                lookup[^1] = transformer.Missing[i][j];
                var encoded = graph.AddMlNode("LabelEncoder", outputs[j] + "_encoded", [x],
                    OnnxAttr.OfStrings("keys_strings", [.. categories, OnnxPatterns.MissingCategory]),
                    OnnxAttr.OfFloats("values_floats", lookup),
                    OnnxAttr.OfFloat("default_float", transformer.Unseen[i][j]));
                context.SetNumeric(outputs[j], encoded);
            }
        }
    }
}
