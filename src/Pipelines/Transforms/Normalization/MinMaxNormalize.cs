using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Statistics;

namespace Pipelines.Transforms.Normalization;

/// <summary>
/// Rescales numeric features to [0, 1] on the training data: y = (x - min) / (max - min), with min and max over
/// non-missing values. A constant column gets scale 1, so it maps to 0 rather than NaN or infinity; an all-missing
/// column gets offset 0 and scale 1 (values pass through). Values outside the training range map outside [0, 1]
/// (no clipping; put <c>ClipOutliers</c> first for that). Missing values stay missing.
/// </summary>
/// <param name="Columns">Columns to scale; null means every numeric feature.</param>
public sealed record MinMaxNormalize(IReadOnlyList<string>? Columns = null) : IEstimator<AffineNormalizer>
{
    public DataSchema GetOutputSchema(DataSchema input)
    {
        ColumnSelection.Resolve(nameof(MinMaxNormalize), input, Columns, ColumnKind.Numeric);
        return input;
    }

    public AffineNormalizer Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var names = ColumnSelection.Resolve(nameof(MinMaxNormalize), input.Schema, Columns, ColumnKind.Numeric);
        var offsets = new float[names.Length];
        var scales = new float[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var values = input.Numeric(names[i]).Values;
            var (min, max, _) = Extremes.MinMax(values);
            var range = (double)max - min;
            offsets[i] = float.IsFinite(min) ? min : 0f;
            var scale = 1.0 / range;
            scales[i] = range > 0 && double.IsFinite(range) && float.IsFinite((float)scale) ? (float)scale : 1f;
        }
        return new AffineNormalizer(names, offsets, scales);
    }
}
