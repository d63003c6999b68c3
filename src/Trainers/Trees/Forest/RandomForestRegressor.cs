using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// Random forest regression (scikit-learn's RandomForestRegressor): bootstrap samples, squared-error splits over all
/// features by default, trees grown until leaves are pure or hold MinSamplesLeaf rows; the prediction is the mean of the
/// trees' leaf means. Reads numeric and categorical features natively, NaN included.
/// </summary>
public sealed record RandomForestRegressor : ForestOptions, IEstimator<ForestModel>
{
    /// <inheritdoc/>
    public override bool Bootstrap { get; init; } = true;

    /// <inheritdoc/>
    public DataSchema GetOutputSchema(DataSchema input) => GbdtFitting.OutputSchema(input, regression: true, nameof(RandomForestRegressor));

    /// <inheritdoc/>
    public ForestModel Fit(DataFrame input) => ForestFitting.Fit(this, input, regression: true, randomThresholds: false, nameof(RandomForestRegressor), null);
}
