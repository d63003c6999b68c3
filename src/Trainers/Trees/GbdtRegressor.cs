using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.Trainers.Trees;

/// <summary>
/// Histogram gradient-boosted trees for regression with squared error: F starts at the weighted mean of the label and
/// each tree fits the residuals' Newton step. Reads numeric and categorical features natively, NaN included.
/// </summary>
public sealed record GbdtRegressor : GbdtOptions, IEstimator<GbdtModel>
{
    public DataSchema GetOutputSchema(DataSchema input) => GbdtFitting.OutputSchema(input, regression: true, nameof(GbdtRegressor));

    public GbdtModel Fit(DataFrame input) => GbdtFitting.Fit(this, input, regression: true, nameof(GbdtRegressor), _ => null);
}
