using System.Diagnostics;
using Pipelines.AutoML.Experiments;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Trainers.LinearModels;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Trees;
using Pipelines.Trainers.Trees.Forest;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Bench.AutoML;

/// <summary>
/// The AutoML search's learners (SearchSpaceCatalog.DefaultLearners) at their own library defaults, not the search's
/// low-cost starting point: GBDT, random forest, extra trees, logistic/softmax regression and MLP. Each gets the
/// preprocessing a user would add by hand: mean/most-frequent imputation; one-hot encoding (at most 16 categories) for
/// the learners that need numeric inputs, which also get z-score scaling (the trees read categories natively, as in
/// the AutoML pipelines).
/// </summary>
internal static class DefaultLearners
{
    private const int Folds = 5;

    /// <summary>
    /// A learner's test score and accuracy (fit on all training rows) and its <see cref="Folds"/>-fold stratified
    /// cross-validated score on the training rows: what a user without the test rows would choose by.
    /// </summary>
    public sealed record Outcome(string Learner, double Score, double Accuracy, double CvScore, double Seconds);

    /// <summary>Scores each default learner on the split (text columns dropped); seconds cover the cross-validation and the final fit.</summary>
    public static IReadOnlyList<Outcome> Evaluate(BenchSplit split, Metric metric)
    {
        var train = split.Train.Without(split.TextColumns);
        var task = LabelTask.Detect(train);
        var hasCategorical = train.Schema.Features.Any(c => c.Kind == ColumnKind.Categorical);
        var folds = Split.StratifiedKFold(train, Folds, seed: 0);
        var outcomes = new List<Outcome>();
        foreach (var (name, learner, needsNumeric) in Learners(task == PredictionTask.MulticlassClassification))
        {
            var steps = new List<IEstimator<ITransformer>> { new ImputeMissing() };
            if (needsNumeric && hasCategorical) steps.Add(new OneHotEncode(MaxCategories: 16));
            if (needsNumeric) steps.Add(new ZScoreNormalize());
            steps.Add(learner);
            var chain = new EstimatorChain(steps);
            var clock = Stopwatch.StartNew();
            var cv = CrossValidate(chain, train, folds, ExperimentTarget.Of(train, task), metric);
            var (score, accuracy) = split.Score(chain.Fit(train), metric);
            outcomes.Add(new Outcome(name, score, accuracy, cv, clock.Elapsed.TotalSeconds));
        }
        return outcomes;
    }

    private static (string Name, IEstimator<ITransformer> Learner, bool NeedsNumeric)[] Learners(bool multiclass) =>
    [
        ("gbdt", new GbdtClassifier(), false),
        ("random_forest", new RandomForestClassifier(), false),
        ("extra_trees", new ExtraTreesClassifier(), false),
        (multiclass ? "softmax_regression" : "logistic_regression", multiclass ? new SoftmaxRegression() : new LogisticRegression(), true),
        ("mlp", new MlpClassifier(), true),
    ];

    /// <summary><paramref name="metric"/> of the out-of-fold predictions over all training rows.</summary>
    private static double CrossValidate(EstimatorChain chain, DataFrame train, IReadOnlyList<Fold> folds, ExperimentTarget target, Metric metric)
    {
        var predictions = new float[train.RowCount * target.Width];
        var rows = new List<int>(train.RowCount);
        foreach (var fold in folds)
        {
            var predicted = chain.Fit(train.Take(fold.Train)).Transform(train.Take(fold.Test));
            target.ReadPredictions(predicted, predictions, rows.Count);
            rows.AddRange(fold.Test);
        }
        return target.Score(metric, predictions, rows);
    }
}
