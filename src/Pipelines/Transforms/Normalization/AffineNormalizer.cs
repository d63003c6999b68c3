using System.Numerics.Tensors;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Persistence;

namespace Pipelines.Transforms.Normalization;

/// <summary>
/// Fitted per-column affine map y = (x - Offset) * Scale, the state of min-max, z-score and robust scaling.
/// NaN stays NaN. (ONNX: one Scaler / Sub+Mul per column.)
/// </summary>
[PersistedType("affine-normalizer")]
public sealed class AffineNormalizer : IScratchTransformer
{
    public AffineNormalizer(IReadOnlyList<string> columns, IReadOnlyList<float> offsets, IReadOnlyList<float> scales)
    {
        if (columns.Count != offsets.Count || columns.Count != scales.Count)
            throw new ArgumentException("AffineNormalizer: columns, offsets and scales need the same length.");
        Columns = [.. columns];
        Offsets = [.. offsets];
        Scales = [.. scales];
    }

    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<float> Offsets { get; }
    public IReadOnlyList<float> Scales { get; }

    public DataSchema GetOutputSchema(DataSchema input)
    {
        ColumnSelection.Require(nameof(AffineNormalizer), input, Columns, ColumnKind.Numeric);
        return input;
    }

    public DataFrame Transform(DataFrame input) => Transform(input, ScratchColumns.None);

    public DataFrame Transform(DataFrame input, ScratchColumns scratch)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scratch);
        GetOutputSchema(input.Schema);
        var scaled = new Column[Columns.Count];
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = input.Numeric(Columns[i]);
            var values = scratch.Writable(column);
            TensorPrimitives.Subtract(values, Offsets[i], values);
            TensorPrimitives.Multiply(values, Scales[i], values);
            scaled[i] = new NumericColumn(Columns[i], values);
        }
        return input.With(scaled);
    }
}
