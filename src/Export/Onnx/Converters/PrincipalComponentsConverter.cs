using Pipelines.Export.Onnx.Conversion;
using Pipelines.Transforms.Reduction;

namespace Pipelines.Export.Onnx.Converters;

/// <summary>
/// <see cref="PrincipalComponents"/>: outputs "pc1".."pck" = (x - Means) Loadings^T as Concat, Sub, MatMul; when whitened
/// the loadings are first divided by sqrt(ExplainedVariance) exactly as the step does (0 for a component without variance).
/// </summary>
[OnnxConverter]
public sealed class PrincipalComponentsConverter : OnnxConverter<PrincipalComponents>
{
    /// <inheritdoc/>
    protected override void Convert(PrincipalComponents transformer, OnnxConversionContext context)
    {
        var p = transformer.Columns.Count;
        var k = transformer.ExplainedVariance.Count;
        var weights = transformer.Loadings.ToArray();
        if (transformer.Whiten)
        {
            var largest = transformer.ExplainedVariance.Max();
            for (var j = 0; j < k; j++)
            {
                var variance = transformer.ExplainedVariance[j];
                var scale = variance > 1e-12 * largest && variance > 0 ? 1 / Math.Sqrt(variance) : 0;
                for (var i = 0; i < p; i++) weights[j * p + i] = (float)(weights[j * p + i] * scale);
            }
        }
        LinearProjectionGraph.Emit(context, transformer.Columns, transformer.Means, weights, "pc");
    }
}
