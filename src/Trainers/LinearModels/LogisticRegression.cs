using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Prediction;

namespace Pipelines.Trainers.LinearModels;

/// <summary>
/// Binary logistic regression: minimizes the weighted mean log loss ℓ = log(1 + e^z) - y z of z = w·x̃ + b, with y = 1
/// for the second class (in class-code order), plus the penalties of <see cref="LinearLearner"/>. Features must be numeric
/// without NaN. For more than two classes use <see cref="SoftmaxRegression"/>.
/// </summary>
public sealed record LogisticRegression : LinearLearner, IEstimator<LogisticRegressionModel>
{
    /// <summary>Class weighting multiplying the sample weights; null (default) weights every class 1.</summary>
    public ClassWeighting? ClassWeights { get; init; }

    protected override string StepName => nameof(LogisticRegression);

    /// <inheritdoc/>
    public DataSchema GetOutputSchema(DataSchema input) => OutputSchema(input, classification: true);

    /// <inheritdoc/>
    public LogisticRegressionModel Fit(DataFrame input)
    {
        GetOutputSchema(input.Schema);
        var set = TrainingSet.Read(StepName, input, allowMissing: false, allowCategorical: false);
        if (set.Task != PredictionTask.BinaryClassification)
            throw ClassifierWeights.WrongTask(StepName, input.LabelName!, set.Task, set.Classes.Count);
        var weights = ClassifierWeights.Of(StepName, set, input.LabelName!, ClassWeights);
        var labels = set.ClassCodes.Select(c => (double)c).ToArray();
        var solution = LinearFit.Run(StepName, set, weights, 1, FitOptions,
            (design, w) => new LogisticLoss(design, labels, w, L2, FitIntercept));
        return new LogisticRegressionModel(set.Features, set.Classes, solution.Weights, solution.Intercepts, solution.StandardizedWeights, solution.Report);
    }
}
