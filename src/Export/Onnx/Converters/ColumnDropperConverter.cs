using Pipelines.Export.Onnx.Conversion;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Export.Onnx.Converters;

/// <summary><see cref="ColumnDropper"/>: no nodes; the dropped columns are no longer wired to anything after this step.</summary>
[OnnxConverter]
public sealed class ColumnDropperConverter : OnnxConverter<ColumnDropper>
{
    /// <inheritdoc/>
    protected override void Convert(ColumnDropper transformer, OnnxConversionContext context)
    {
        foreach (var column in transformer.Columns) context.Remove(column);
    }
}
