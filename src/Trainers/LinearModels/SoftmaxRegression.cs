using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;

namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// Multinomial logistic (softmax) regression with K weight vectors: minimizes the weighted mean of
/// ℓ = log Σ_k e^{z_k} - z_y, z = W x̃ + b, plus the penalties of <see cref="LinearLearner"/> (with L2 &gt; 0 the K-fold
/// over-parametrization has a unique minimizer, as in scikit-learn's multinomial LogisticRegression). Accepts two or
/// more classes; features must be numeric without NaN.
/// </summary>
public sealed record SoftmaxRegression : LinearLearner, IEstimator<SoftmaxRegressionModel>
{
    /// <summary>Class weighting multiplying the sample weights; null (default) weights every class 1.</summary>
    public ClassWeighting? ClassWeights { get; init; }

    protected override string StepName => nameof(SoftmaxRegression);

    /// <inheritdoc/>
    public DataSchema GetOutputSchema(DataSchema input) => OutputSchema(input, classification: true);

    /// <inheritdoc/>
    public SoftmaxRegressionModel Fit(DataFrame input)
    {
        GetOutputSchema(input.Schema);
        var set = TrainingSet.Read(StepName, input, allowMissing: false, allowCategorical: false);
        if (set.Task == PredictionTask.Regression)
            throw ClassifierWeights.WrongTask(StepName, input.LabelName!, set.Task, 0);
        var k = set.Classes.Count;
        if (k < 2) ThrowHelper.TooFewClasses(StepName, input.LabelName!, k, set.RowCount);
        var weights = ClassifierWeights.Of(StepName, set, input.LabelName!, ClassWeights);
        var solution = LinearFit.Run(StepName, set, weights, k, FitOptions,
            (design, w) => new SoftmaxLoss(design, k, set.ClassCodes, w, L2, FitIntercept));
        return new SoftmaxRegressionModel(set.Features, set.Classes, solution.Weights, solution.Intercepts, solution.StandardizedWeights, solution.Report);
    }
}
