using Pipelines.Core;
using Pipelines.Export.Onnx.Conversion;

namespace Pipelines.Export.Onnx.Converters;

/// <summary><see cref="PassThrough"/> (the fitted form of fit-only steps such as samplers): no nodes, every column unchanged.</summary>
[OnnxConverter]
public sealed class PassThroughConverter : OnnxConverter<PassThrough>
{
    /// <inheritdoc/>
    protected override void Convert(PassThrough transformer, OnnxConversionContext context)
    {
    }
}
