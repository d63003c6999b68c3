using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;

namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// Least-squares linear regression: minimizes ½ Σ_i ω_i (w·x̃_i + b - y_i)² + (L2 / 2) ||w||² (+ L1 ||w||₁), ω_i the
/// normalized sample weights. L2 &gt; 0 is ridge regression (scikit-learn's Ridge with α = L2 · Σ_i w_i), L2 = 0 ordinary
/// least squares, L1 &gt; 0 the lasso / elastic net. The intercept starts at the weighted mean of y. Features must be
/// numeric without NaN; the label numeric.
/// </summary>
public sealed record LinearRegression : LinearLearner, IEstimator<LinearRegressionModel>
{
    protected override string StepName => nameof(LinearRegression);

    /// <inheritdoc/>
    public DataSchema GetOutputSchema(DataSchema input) => OutputSchema(input, classification: false);

    /// <inheritdoc/>
    public LinearRegressionModel Fit(DataFrame input)
    {
        GetOutputSchema(input.Schema);
        var set = TrainingSet.Read(StepName, input, allowMissing: false, allowCategorical: false, regression: true);
        var targets = set.Targets.Select(t => (double)t).ToArray();
        var weights = set.Weights.Select(w => (double)w).ToArray();
        var total = weights.Sum();
        var mean = total > 0 ? targets.Select((t, i) => t * weights[i]).Sum() / total : 0.0;
        var solution = LinearFit.Run(StepName, set, weights, 1, FitOptions,
            (design, w) => new SquaredLoss(design, targets, w, L2, FitIntercept), [mean]);
        return new LinearRegressionModel(set.Features, solution.Weights, solution.Intercepts, solution.StandardizedWeights, solution.Report);
    }
}
