using Pipelines.Core;
using Pipelines.Export.Onnx.Conversion;

namespace Pipelines.Export.Onnx.Converters;

/// <summary><see cref="TransformerChain"/>: converts each step in order with its own converter.</summary>
[OnnxConverter]
public sealed class TransformerChainConverter : OnnxConverter<TransformerChain>
{
    /// <inheritdoc/>
    protected override void Convert(TransformerChain transformer, OnnxConversionContext context)
    {
        foreach (var step in transformer.Steps) context.Convert(step);
    }
}
