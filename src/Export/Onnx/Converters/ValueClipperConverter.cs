using Pipelines.Export.Onnx.Conversion;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="ValueClipper"/>: Clip(x, lower, upper) per column. The ONNX spec does not say what Clip does with NaN
/// (runtimes built on min/max may return a bound), so NaN is kept explicitly: Where(IsNaN(x), x, Clip(x)).
/// Infinite bounds are written as they are.
/// </summary>
[OnnxConverter]
public sealed class ValueClipperConverter : OnnxConverter<ValueClipper>
{
    /// <inheritdoc/>
    protected override void Convert(ValueClipper transformer, OnnxConversionContext context)
    {
        var graph = context.Graph;
        for (var i = 0; i < transformer.Columns.Count; i++)
        {
            var column = transformer.Columns[i];
            var x = context.Numeric(column);
            var lower = graph.AddFloats(column + "_lower", [transformer.Lower[i]]);
            var upper = graph.AddFloats(column + "_upper", [transformer.Upper[i]]);
            var clipped = graph.AddNode("Clip", column + "_clip", [x, lower, upper]);
            var missing = graph.AddNode("IsNaN", column + "_isnan", [x]);
            context.SetNumeric(column, graph.AddNode("Where", column + "_clipped", [missing, x, clipped]));
        }
    }
}
