using Pipelines.Export.Onnx.Conversion;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Export.Onnx.Converters;

/// <summary><see cref="AffineNormalizer"/>: y = (x - offset) * scale per column, as Sub then Mul (NaN stays NaN).</summary>
[OnnxConverter]
public sealed class AffineNormalizerConverter : OnnxConverter<AffineNormalizer>
{
    /// <inheritdoc/>
    protected override void Convert(AffineNormalizer transformer, OnnxConversionContext context)
    {
        var graph = context.Graph;
        for (var i = 0; i < transformer.Columns.Count; i++)
        {
            var column = transformer.Columns[i];
            var offset = graph.AddFloats(column + "_offset", [transformer.Offsets[i]]);
            var scale = graph.AddFloats(column + "_scale", [transformer.Scales[i]]);
            var centered = graph.AddNode("Sub", column + "_centered", [context.Numeric(column), offset]);
            context.SetNumeric(column, graph.AddNode("Mul", column + "_scaled", [centered, scale]));
        }
    }
}
