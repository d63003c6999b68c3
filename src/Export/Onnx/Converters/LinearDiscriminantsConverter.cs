using Pipelines.Export.Onnx.Conversion;
using Pipelines.Transforms.Reduction;

namespace Pipelines.Export.Onnx.Converters;

/// <summary><see cref="LinearDiscriminants"/>: outputs "ld1".."ldk" = (x - Means) Scalings^T as Concat, Sub, MatMul.</summary>
[OnnxConverter]
public sealed class LinearDiscriminantsConverter : OnnxConverter<LinearDiscriminants>
{
    /// <inheritdoc/>
    protected override void Convert(LinearDiscriminants transformer, OnnxConversionContext context) =>
        LinearProjectionGraph.Emit(context, transformer.Columns, transformer.Means, transformer.Scalings, "ld");
}
