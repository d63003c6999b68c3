using System.Diagnostics;
using Pipelines.Bench.Suite;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Bench.Gan;

/// <summary>
/// One suite split as the gan-suite bench trains on it: the suite's seeded stratified 75/25 split (<see cref="SuiteCase"/>),
/// free text dropped, then cleaned as gan-rebalance cleans messy_churn (DropDuplicateRows, DropConstantColumns,
/// ImputeMissing) with the cleaning fitted on the training part only and applied to the test part. Each variant's
/// step runs on the cleaned training rows, and a GBDT with fixed defaults fitted on its output is scored on the test part.
/// </summary>
internal sealed record GanSuiteSplit(SuiteSet Set, int Split, DataFrame Train, DataFrame Test)
{
    public static GanSuiteSplit Read(SuiteSet set, int split)
    {
        var data = SuiteCase.Read(set, split).Data;
        // Imputation because SMOTE and the GAN need complete rows; the GBDT would have read the gaps itself.
        var cleaning = new EstimatorChain([new DropDuplicateRows(), new DropConstantColumns(), new ImputeMissing()])
            .FitTransform(data.Train.Without(data.TextColumns));
        var test = cleaning.Transformer.Transform(data.Test.Without(data.TextColumns));
        return new GanSuiteSplit(set, split, cleaning.Output, test);
    }

    /// <summary>
    /// <paramref name="variant"/> on this split: its outcome, or a failed outcome with the error's message (a GAN whose
    /// conditioned rows do not come out as the class is a result, not the end of the run).
    /// </summary>
    public GanSuiteOutcome Run(GanSuiteVariant variant, string build)
    {
        var clock = Stopwatch.StartNew();
        string? sampler = null;
        double resampleSeconds = 0;
        try
        {
            var step = variant.Step(Train);
            sampler = GanSuiteVariant.Describe(step);
            var rows = step is null ? Train : step.FitTransform(Train).Output;
            resampleSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var model = new GbdtClassifier { Seed = 0, Threads = 2 }.Fit(rows);
            var fitSeconds = clock.Elapsed.TotalSeconds;
            return new GanSuiteOutcome(Set.Name, Split, variant.Name, sampler, Score(model), rows.RowCount, rows.RowCount - Train.RowCount,
                resampleSeconds, fitSeconds, null, build, DateTimeOffset.UtcNow);
        }
#pragma warning disable CA1031 // a variant's failure is one of the bench's results
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var seconds = resampleSeconds == 0 ? clock.Elapsed.TotalSeconds : resampleSeconds;
            var fitSeconds = resampleSeconds == 0 ? 0 : clock.Elapsed.TotalSeconds;
            return new GanSuiteOutcome(Set.Name, Split, variant.Name, sampler, new Dictionary<string, double>(), 0, 0,
                seconds, fitSeconds, $"{ex.GetType().Name}: {ex.Message}", build, DateTimeOffset.UtcNow);
        }
    }

    /// <summary>Test macro-F1 and balanced accuracy of the most probable class, and ROC AUC of the second class's probability on a binary label.</summary>
    private Dictionary<string, double> Score(Trainers.Trees.Prediction.GbdtModel model)
    {
        var classes = model.Classes;
        var k = classes.Count;
        var probabilities = model.Predict(Test);
        var actual = Test.Categorical(Test.LabelName!).Recode(classes).Codes.ToArray();
        if (Array.IndexOf(actual, CategoricalColumn.Missing) is var row and >= 0)
            throw new InvalidOperationException($"test row {row}: its class is not one the training part has");
        var predicted = ClassificationMetrics.ArgMax(probabilities, k);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [GanSuiteOutcome.MacroF1] = ClassificationMetrics.MacroF1(actual, predicted, k),
            [GanSuiteOutcome.BalancedAccuracy] = ClassificationMetrics.BalancedAccuracy(actual, predicted, k),
        };
        if (k == 2)
        {
            var positive = new float[Test.RowCount];
            for (var i = 0; i < positive.Length; i++) positive[i] = probabilities[i * k + 1];
            metrics[GanSuiteOutcome.RocAuc] = RankingMetrics.RocAuc(actual, positive);
        }
        return metrics;
    }
}
