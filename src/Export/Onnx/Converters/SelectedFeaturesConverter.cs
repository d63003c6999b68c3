using Pipelines.Export.Onnx.Conversion;
using Pipelines.Transforms.Selection;

namespace Pipelines.Export.Onnx.Converters;

/// <summary><see cref="SelectedFeatures"/>: no nodes; the candidates not kept are no longer wired to anything after this step.</summary>
[OnnxConverter]
public sealed class SelectedFeaturesConverter : OnnxConverter<SelectedFeatures>
{
    /// <inheritdoc/>
    protected override void Convert(SelectedFeatures transformer, OnnxConversionContext context)
    {
        foreach (var column in transformer.Candidates.Except(transformer.Kept, StringComparer.Ordinal)) context.Remove(column);
    }
}
