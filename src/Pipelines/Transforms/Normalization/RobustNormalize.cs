using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Statistics;

namespace Pipelines.Transforms.Normalization;

/// <summary>
/// Centers numeric features on the median and scales by the interquartile range, as scikit-learn's RobustScaler:
/// y = (x - median) / (Q(upper) - Q(lower)), quantiles over non-missing values with linear interpolation
/// (<see cref="Moments.Quantile"/>). Outliers barely move the fitted state, unlike min-max or z-score.
/// A zero (or non-finite) range gets scale 1, so a constant column maps to 0; an all-missing column gets
/// offset 0 and scale 1. Missing values stay missing.
/// </summary>
/// <param name="LowerQuantile">Lower quantile of the range, in [0, 1); 0.25 gives the IQR.</param>
/// <param name="UpperQuantile">Upper quantile of the range, in (LowerQuantile, 1]; 0.75 gives the IQR.</param>
/// <param name="Columns">Columns to scale; null means every numeric feature.</param>
public sealed record RobustNormalize(
    double LowerQuantile = 0.25,
    double UpperQuantile = 0.75,
    IReadOnlyList<string>? Columns = null) : IEstimator<AffineNormalizer>
{
    public DataSchema GetOutputSchema(DataSchema input)
    {
        ColumnSelection.Resolve(nameof(RobustNormalize), input, Columns, ColumnKind.Numeric);
        return input;
    }

    public AffineNormalizer Fit(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(LowerQuantile >= 0 && LowerQuantile < 1))
            ThrowHelper.BadOption(nameof(RobustNormalize), nameof(LowerQuantile), LowerQuantile, "a quantile in [0, 1)");
        if (!(UpperQuantile > LowerQuantile && UpperQuantile <= 1))
            ThrowHelper.BadOption(nameof(RobustNormalize), nameof(UpperQuantile), UpperQuantile, $"a quantile in ({LowerQuantile}, 1]");
        var names = ColumnSelection.Resolve(nameof(RobustNormalize), input.Schema, Columns, ColumnKind.Numeric);
        var offsets = new float[names.Length];
        var scales = new float[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var sorted = Moments.SortedPresent(input.Numeric(names[i]).Values);
            if (sorted.Length == 0)
            {
                offsets[i] = 0f;
                scales[i] = 1f;
                continue;
            }
            var median = Moments.Quantile(sorted, 0.5);
            var range = Moments.Quantile(sorted, UpperQuantile) - Moments.Quantile(sorted, LowerQuantile);
            offsets[i] = double.IsFinite(median) ? (float)median : 0f;
            var scale = 1.0 / range;
            scales[i] = range > 0 && double.IsFinite(range) && float.IsFinite((float)scale) ? (float)scale : 1f;
        }
        return new AffineNormalizer(names, offsets, scales);
    }
}
