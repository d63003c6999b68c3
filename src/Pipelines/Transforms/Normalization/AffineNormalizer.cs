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
public sealed class AffineNormalizer : ITransformer
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

    public DataFrame Transform(DataFrame input)
    {
        GetOutputSchema(input.Schema);
        var scaled = new Column[Columns.Count];
        for (var i = 0; i < Columns.Count; i++)
        {
            var source = input.Numeric(Columns[i]).Values;
            var values = new float[source.Length];
            TensorPrimitives.Subtract(source, Offsets[i], values);
            TensorPrimitives.Multiply(values, Scales[i], values);
            scaled[i] = new NumericColumn(Columns[i], values);
        }
        return input.With(scaled);
    }
}
