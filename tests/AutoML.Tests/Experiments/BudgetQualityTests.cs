using Pipelines.AutoML.Experiments;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Trainers.LinearModels;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Trees;
using Pipelines.Trainers.Trees.Forest;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Normalization;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>
/// The AutoML issue's quality bar, small: on a seeded stratified 75/25 split, a short experiment's test score is at
/// least the best default learner's (each search learner at its library defaults, with the preprocessing a user would
/// add; the best of them on the test rows) minus a tolerance of a row or two. The full bar, with a 60 s budget on every
/// set and Optuna-tuned XGBoost next to it, is the automl-vs-optuna bench (bench/README.md).
/// </summary>
[TestClass]
public sealed class BudgetQualityTests
{
    /// <summary>A trial count, not a time budget, so the run is the same on a loaded machine (about 1-3 s here).</summary>
    private const int Trials = 30;

    [TestMethod]
    [TestCategory("EndToEnd")]
    [DataRow("iris.csv", "species", 1, DisplayName = "iris: 39 test rows, one may differ")]
    [DataRow("breast_cancer.csv", "diagnosis", 2, DisplayName = "breast_cancer: 142 test rows, two may differ")]
    public void A_short_experiment_scores_at_least_the_best_default_learner(string file, string label, int toleratedRows)
    {
        var frame = LabelTask.WithClassLabel(TestData.Read(file, label));
        var fold = Split.TrainTest(frame, 0.25, seed: 42);
        var target = ExperimentTarget.Of(frame, LabelTask.Detect(frame));
        double TestScore(ITransformer model, Metric metric)
        {
            var predicted = model.Transform(frame.Take(fold.Test));
            var output = new float[predicted.RowCount * target.Width];
            target.ReadPredictions(predicted, output, 0);
            return target.Score(metric, output, fold.Test);
        }

        var train = frame.Take(fold.Train);
        var result = new Experiment(new ExperimentOptions { MaxTrials = Trials, Parallelism = 2, Seed = 0 }).Run(train);
        var ours = TestScore(result.Model, result.Metric);

        var multiclass = target.Task == PredictionTask.MulticlassClassification;
        IEstimator<ITransformer>[] defaults =
        [
            new GbdtClassifier(), new RandomForestClassifier(), new ExtraTreesClassifier(),
            multiclass ? new SoftmaxRegression() : new LogisticRegression(), new MlpClassifier(),
        ];
        var best = defaults.Max(learner =>
        {
            // Linear models and the MLP get scaled inputs; trees take the imputed columns as they are.
            var scaled = learner is SoftmaxRegression or LogisticRegression or MlpClassifier;
            IEstimator<ITransformer>[] steps = scaled ? [new ImputeMissing(), new ZScoreNormalize(), learner] : [new ImputeMissing(), learner];
            return TestScore(new EstimatorChain(steps).Fit(train), result.Metric);
        });

        Assert.AreEqual(Metric.Accuracy, result.Metric, "both sets are balanced enough for accuracy");
        var tolerance = (double)toleratedRows / fold.Test.Length + 1e-9;
        Assert.IsGreaterThanOrEqualTo(best - tolerance, ours, $"experiment {ours:F4} vs best default learner {best:F4} on {fold.Test.Length} test rows");
    }
}
