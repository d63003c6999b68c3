using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Statistics;

namespace Pipelines.Transforms.Normalization;

/// <summary>
/// Standardizes numeric features: y = (x - mean) / std, with mean and population std over non-missing
/// values. A constant or all-missing column gets scale 1 (as scikit-learn's StandardScaler), so it never
/// turns into NaN or infinity. Missing values stay missing.
/// </summary>
/// <param name="Columns">Columns to scale; null means every numeric feature.</param>
public sealed record ZScoreNormalize(IReadOnlyList<string>? Columns = null) : IEstimator<AffineNormalizer>
{
    public DataSchema GetOutputSchema(DataSchema input)
    {
        ColumnSelection.Resolve(nameof(ZScoreNormalize), input, Columns, ColumnKind.Numeric);
        return input;
    }

    public AffineNormalizer Fit(DataFrame input)
    {
        var names = ColumnSelection.Resolve(nameof(ZScoreNormalize), input.Schema, Columns, ColumnKind.Numeric);
        var offsets = new float[names.Length];
        var scales = new float[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var (mean, std, _) = Moments.MeanStd(input.Numeric(names[i]).Values);
            offsets[i] = double.IsNaN(mean) ? 0f : (float)mean;
            scales[i] = std > 0 && double.IsFinite(std) ? (float)(1.0 / std) : 1f;
        }
        return new AffineNormalizer(names, offsets, scales);
    }
}
