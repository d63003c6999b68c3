using Microsoft.ML;
using Microsoft.ML.Trainers;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.MLNet.Trainers;

/// <summary>
/// ML.NET's L-BFGS linear classifiers, under their ML.NET option names and defaults: binary labels train
/// LbfgsLogisticRegression (read into a <see cref="LogisticRegressionModel"/>, P(class 1) = σ(w·x + b) after its Platt
/// link), more classes LbfgsMaximumEntropy (a <see cref="SoftmaxRegressionModel"/>, P = softmax(W x + b)). The
/// objective is the (weighted) log loss + L1 · ‖w‖₁ + L2 / 2 · ‖w‖². Numeric features without NaN (impute first); the
/// penalties act on the raw feature scale, so scale the features first.
/// </summary>
public sealed record LbfgsClassifier : MLNetTrainerOptions, Pipelines.Core.IEstimator<LinearPredictor>
{
    /// <summary>L1 penalty.</summary>
    public float L1Regularization { get; init; } = 1;

    /// <summary>L2 penalty.</summary>
    public float L2Regularization { get; init; } = 1;

    /// <summary>Stop when the objective's relative improvement falls below this.</summary>
    public float OptimizationTolerance { get; init; } = 1e-7f;

    /// <summary>Past gradients kept to approximate the Hessian.</summary>
    public int HistorySize { get; init; } = 20;

    /// <summary>Most iterations.</summary>
    public int MaximumNumberOfIterations { get; init; } = int.MaxValue;

    /// <summary>
    /// Feature cells (rows × features) above which the fit runs on one thread. With more, ML.NET's L-BFGS first copies
    /// every row into a vector of its own (a second copy of the features, plus an object per row); with one it streams
    /// the rows again each iteration instead. Above this size that copy costs more memory than the threads save time.
    /// </summary>
    internal const long StreamedCells = 50_000_000;

    /// <summary>The threads for <paramref name="rows"/> × <paramref name="features"/> cells: <paramref name="threads"/>, or 1 above <see cref="StreamedCells"/>.</summary>
    internal static int ThreadsFor(long rows, int features, int threads) => rows * features > StreamedCells ? 1 : threads;

    public DataSchema GetOutputSchema(DataSchema input) => MLNetTraining.OutputSchema(input, regression: false, nameof(LbfgsClassifier));

    public LinearPredictor Fit(DataFrame input) => Train(input).Model;

    /// <summary>Fits, keeping ML.NET's trained transformer beside the model read from it (what the parity tests compare).</summary>
    internal MLNetFit<LinearPredictor> Train(DataFrame input)
    {
        const string step = nameof(LbfgsClassifier);
        if (!(L1Regularization >= 0)) ThrowHelper.BadOption(step, nameof(L1Regularization), L1Regularization, "0 or more");
        if (!(L2Regularization >= 0)) ThrowHelper.BadOption(step, nameof(L2Regularization), L2Regularization, "0 or more");
        if (!(OptimizationTolerance > 0)) ThrowHelper.BadOption(step, nameof(OptimizationTolerance), OptimizationTolerance, "a positive number");
        if (HistorySize < 1) ThrowHelper.BadOption(step, nameof(HistorySize), HistorySize, "at least 1");
        if (MaximumNumberOfIterations < 1) ThrowHelper.BadOption(step, nameof(MaximumNumberOfIterations), MaximumNumberOfIterations, "at least 1");
        if (Threads is < 1) ThrowHelper.BadOption(step, nameof(Threads), Threads, "at least 1, or null");
        var data = MLNetTraining.Read(step, input, regression: false, allowMissing: false, Seed);
        var threads = ThreadsFor(data.View.GetRowCount() ?? 0, data.Features.Count, MLNetTraining.Threads(this));
        if (data.Task == PredictionTask.BinaryClassification)
        {
            var options = new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L1Regularization = L1Regularization, L2Regularization = L2Regularization, OptimizationTolerance = OptimizationTolerance,
                HistorySize = HistorySize, MaximumNumberOfIterations = MaximumNumberOfIterations, NumberOfThreads = threads,
                LabelColumnName = TrainingDataView.Label, FeatureColumnName = TrainingDataView.Features, ExampleWeightColumnName = TrainingDataView.Weight,
            };
            var fitted = MLNetTraining.Fit(data, "LbfgsLogisticRegression", view => data.Context.BinaryClassification.Trainers.LbfgsLogisticRegression(options).Fit(view));
            return new((LinearPredictor)MLNetLinearModels.Logistic(data, fitted.Model.SubModel, fitted.Model.Calibrator.Slope, fitted.Model.Calibrator.Offset), fitted, data);
        }
        var multiclass = new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = L1Regularization, L2Regularization = L2Regularization, OptimizationTolerance = OptimizationTolerance,
            HistorySize = HistorySize, MaximumNumberOfIterations = MaximumNumberOfIterations, NumberOfThreads = threads,
            LabelColumnName = TrainingDataView.Label, FeatureColumnName = TrainingDataView.Features, ExampleWeightColumnName = TrainingDataView.Weight,
        };
        var trained = MLNetTraining.Fit(data, "LbfgsMaximumEntropy", view => data.Context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(multiclass).Fit(view));
        return new((LinearPredictor)MLNetLinearModels.Softmax(data, trained.Model), trained, data);
    }
}
