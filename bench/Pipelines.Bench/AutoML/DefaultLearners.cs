using System.Diagnostics;
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
    public sealed record Outcome(string Learner, double Score, double Accuracy, double Seconds);

    /// <summary>Fits each default learner on the split's training rows (text columns dropped) and scores it on its test rows.</summary>
    public static IReadOnlyList<Outcome> Evaluate(BenchSplit split, Metric metric)
    {
        var train = split.Train.Without(split.TextColumns);
        var multiclass = LabelTask.Detect(train) == PredictionTask.MulticlassClassification;
        var hasCategorical = train.Schema.Features.Any(c => c.Kind == ColumnKind.Categorical);
        (string, IEstimator<ITransformer>, bool NeedsNumeric)[] learners =
        [
            ("gbdt", new GbdtClassifier(), false),
            ("random_forest", new RandomForestClassifier(), false),
            ("extra_trees", new ExtraTreesClassifier(), false),
            (multiclass ? "softmax_regression" : "logistic_regression", multiclass ? new SoftmaxRegression() : new LogisticRegression(), true),
            ("mlp", new MlpClassifier(), true),
        ];
        var outcomes = new List<Outcome>();
        foreach (var (name, learner, needsNumeric) in learners)
        {
            var steps = new List<IEstimator<ITransformer>> { new ImputeMissing() };
            if (needsNumeric && hasCategorical) steps.Add(new OneHotEncode(MaxCategories: 16));
            if (needsNumeric) steps.Add(new ZScoreNormalize());
            steps.Add(learner);
            var clock = Stopwatch.StartNew();
            var model = new EstimatorChain(steps).Fit(train);
            var seconds = clock.Elapsed.TotalSeconds;
            var (score, accuracy) = split.Score(model, metric);
            outcomes.Add(new Outcome(name, score, accuracy, seconds));
        }
        return outcomes;
    }
}
