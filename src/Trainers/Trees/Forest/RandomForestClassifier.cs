using Pipelines.Core;
using Pipelines.Data;

namespace Pipelines.Trainers.Trees.Forest;

/// <summary>
/// Random forest classification (Breiman; scikit-learn's RandomForestClassifier): bootstrap samples, Gini splits over
/// sqrt(p) random features per node, trees grown to purity by default; probabilities are the mean of the trees' leaf class
/// shares. Reads numeric and categorical features natively, NaN and missing categories included.
/// </summary>
public sealed record RandomForestClassifier : ForestClassifierOptions, IEstimator<ForestModel>
{
    /// <inheritdoc/>
    public override bool Bootstrap { get; init; } = true;

    /// <inheritdoc/>
    public DataSchema GetOutputSchema(DataSchema input) => GbdtFitting.OutputSchema(input, regression: false, nameof(RandomForestClassifier));

    /// <inheritdoc/>
    public ForestModel Fit(DataFrame input) => ForestFitting.Fit(this, input, regression: false, randomThresholds: false, nameof(RandomForestClassifier), ClassWeights);
}
