using Pipelines.Export.Onnx.Conversion;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="SignedLog1p"/>: y = Sign(x) * Log(1 + Abs(x)), computed in double and cast back to float, as the step
/// computes it (so 1 + |x| does not round away small values). NaN stays NaN: Log(NaN) is NaN whatever Sign gives.
/// </summary>
[OnnxConverter]
public sealed class SignedLog1pConverter : OnnxConverter<SignedLog1p>
{
    /// <inheritdoc/>
    protected override void Convert(SignedLog1p transformer, OnnxConversionContext context)
    {
        var graph = context.Graph;
        if (transformer.Columns.Count == 0) return;
        var one = graph.AddDoubles("one", [1.0]);
        foreach (var column in transformer.Columns)
        {
            var x = graph.AddNode("Cast", column + "_double", [context.Numeric(column)], OnnxPatterns.CastTo(TensorProto.Types.DataType.Double));
            var magnitude = graph.AddNode("Abs", column + "_abs", [x]);
            var shifted = graph.AddNode("Add", column + "_1p", [magnitude, one]);
            var log = graph.AddNode("Log", column + "_log1p", [shifted]);
            var sign = graph.AddNode("Sign", column + "_sign", [x]);
            var signed = graph.AddNode("Mul", column + "_signed", [sign, log]);
            context.SetNumeric(column, graph.AddNode("Cast", column + "_slog", [signed], OnnxPatterns.CastTo(TensorProto.Types.DataType.Float)));
        }
    }
}
