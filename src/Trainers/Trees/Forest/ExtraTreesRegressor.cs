using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// Extremely randomized trees for regression (scikit-learn's ExtraTreesRegressor): one random threshold per considered
/// feature (all features by default), the best by squared-error decrease wins; no bootstrap by default;
/// trees grown until leaves are pure or hold MinSamplesLeaf rows; the prediction is the mean of the trees' leaf means. Reads numeric and categorical features natively, NaN included.
/// </summary>
public sealed record ExtraTreesRegressor : ForestOptions, IEstimator<ForestModel>
{
    /// <inheritdoc/>
    public override bool Bootstrap { get; init; }

    /// <inheritdoc/>
    public DataSchema GetOutputSchema(DataSchema input) => GbdtFitting.OutputSchema(input, regression: true, nameof(ExtraTreesRegressor));

    /// <inheritdoc/>
    public ForestModel Fit(DataFrame input) => ForestFitting.Fit(this, input, regression: true, randomThresholds: true, nameof(ExtraTreesRegressor), null);
}
