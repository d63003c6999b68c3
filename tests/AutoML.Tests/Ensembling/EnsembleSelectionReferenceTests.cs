using Pipelines.AutoML.Ensembling;
using Pipelines.Core;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Tests.Ensembling;

/// <summary>
/// Selection on seeded random libraries agrees with a plain re-implementation that recomputes every average from scratch
/// in double precision, and its score is the metric of the weighted average it returns.
/// </summary>
[TestClass]
public sealed class EnsembleSelectionReferenceTests
{
    /// <summary>Candidates that are noisy views of the truth: each row's probabilities favour the actual class by a random margin.</summary>
    internal static (float[][] Predictions, int[] Actual) Library(int candidates, int rows, int classes, int seed)
    {
        var random = new Random(seed);
        var actual = new int[rows];
        for (var r = 0; r < rows; r++) actual[r] = random.Next(classes);
        var predictions = new float[candidates][];
        for (var c = 0; c < candidates; c++)
        {
            var skill = 0.5 + random.NextDouble();
            var p = predictions[c] = new float[rows * classes];
            for (var r = 0; r < rows; r++)
            {
                double total = 0;
                var logits = new double[classes];
                for (var k = 0; k < classes; k++)
                {
                    logits[k] = Math.Exp(random.NextDouble() * 2 + (k == actual[r] ? skill : 0));
                    total += logits[k];
                }
                for (var k = 0; k < classes; k++) p[r * classes + k] = (float)(logits[k] / total);
            }
        }
        return (predictions, actual);
    }

    [TestMethod]
    [DataRow(Metric.LogLoss)]
    [DataRow(Metric.Accuracy)]
    [DataRow(Metric.RocAuc)]
    [DataRow(Metric.MacroF1)]
    public void Picks_match_a_from_scratch_reference(Metric metric)
    {
        var (predictions, actual) = Library(candidates: 12, rows: 150, classes: 3, seed: 7);
        var result = EnsembleSelection.Select(predictions, actual, 3, metric, size: 15);
        var (picks, trajectory, tieBreaks) = Reference(predictions, actual, 3, metric, 15);
        var keep = result.Picks.Count;
        CollectionAssert.AreEqual(picks[..keep], result.Picks.ToArray(), "the kept picks");
        for (var i = 0; i < trajectory.Length; i++) Assert.AreEqual(trajectory[i], result.Trajectory[i], 1e-5, $"score after step {i + 1}");
        // The kept prefix is the first best one (label metrics: equal scores ranked by log loss).
        bool Above(int i, int j) => metric.IsBetter(trajectory[i], trajectory[j]) || (trajectory[i] == trajectory[j] && tieBreaks[i] < tieBreaks[j]);
        for (var i = 0; i < trajectory.Length; i++)
        {
            Assert.IsFalse(Above(i, keep - 1), $"step {i + 1} beats the kept prefix");
            if (i < keep - 1) Assert.IsTrue(Above(keep - 1, i), $"step {i + 1} already reaches the kept prefix");
        }
    }

    [TestMethod]
    [DataRow(Metric.LogLoss)]
    [DataRow(Metric.BalancedAccuracy)]
    [DataRow(Metric.WeightedF1)]
    [DataRow(Metric.PrAuc)]
    public void Score_is_the_metric_of_the_weighted_average(Metric metric)
    {
        var (predictions, actual) = Library(candidates: 20, rows: 200, classes: 4, seed: 11);
        var result = EnsembleSelection.Select(predictions, actual, 4, metric);
        Assert.AreEqual(1.0, result.Weights.Sum(), 1e-12);
        var average = new float[predictions[0].Length];
        for (var c = 0; c < predictions.Length; c++)
        {
            for (var i = 0; i < average.Length; i++) average[i] += (float)(result.Weights[c] * predictions[c][i]);
        }
        Assert.AreEqual(ClassificationReport.Compute(actual, average, 4).Get(metric), result.Score, 1e-5);
        Assert.AreEqual(ClassificationReport.Compute(actual, predictions[result.BestSingleIndex], 4).Get(metric), result.BestSingleScore, 1e-12);
        Assert.AreEqual(metric.IsBetter(result.Score, result.BestSingleScore), result.BeatsBestSingle);
    }

    [TestMethod]
    public void Parallel_scoring_gives_the_same_result_as_one_thread()
    {
        // 40 x 1,000 rows x 2 classes is past the parallel threshold.
        var (predictions, actual) = Library(candidates: 40, rows: 1000, classes: 2, seed: 3);
        var parallel = EnsembleSelection.Select(predictions, actual, 2, Metric.LogLoss);
        EnsembleSelectionResult serial;
        using (TrainingContext.Enter(CancellationToken.None, maxThreads: 1)) serial = EnsembleSelection.Select(predictions, actual, 2, Metric.LogLoss);
        CollectionAssert.AreEqual(serial.Weights.ToArray(), parallel.Weights.ToArray());
        CollectionAssert.AreEqual(serial.Trajectory.ToArray(), parallel.Trajectory.ToArray());
        Assert.IsTrue(parallel.BeatsBestSingle, "forty noisy views average to something better than the best one");
    }

    [TestMethod]
    public void A_cancelled_context_stops_selection()
    {
        var (predictions, actual) = Library(candidates: 3, rows: 10, classes: 2, seed: 1);
        using var source = new CancellationTokenSource();
        source.Cancel();
        using (TrainingContext.Enter(source.Token))
            Assert.ThrowsExactly<OperationCanceledException>(() => EnsembleSelection.Select(predictions, actual, 2, Metric.LogLoss));
    }

    /// <summary>
    /// Caruana's loop written plainly: averages from pick counts, in double, each step from scratch; for metrics of the
    /// predicted class, equal scores go to the lower log loss.
    /// </summary>
    private static (int[] Picks, double[] Trajectory, double[] TieBreaks) Reference(float[][] predictions, int[] actual, int classes, Metric metric, int size)
    {
        var counts = new int[predictions.Length];
        var picks = new int[size];
        var trajectory = new double[size];
        var tieBreaks = new double[size];
        var width = predictions[0].Length;
        for (var step = 0; step < size; step++)
        {
            var best = -1;
            var bestScore = double.NaN;
            var bestTieBreak = double.NaN;
            for (var c = 0; c < predictions.Length; c++)
            {
                counts[c]++;
                var average = new float[width];
                for (var i = 0; i < width; i++)
                {
                    double sum = 0;
                    for (var m = 0; m < predictions.Length; m++) sum += counts[m] * (double)predictions[m][i];
                    average[i] = (float)(sum / (step + 1));
                }
                counts[c]--;
                var report = ClassificationReport.Compute(actual, average, classes);
                var score = report.Get(metric);
                var tieBreak = metric.ScoresLabels() ? report.Get(Metric.LogLoss) : double.NaN;
                if (best < 0 || metric.IsBetter(score, bestScore) || (score == bestScore && tieBreak < bestTieBreak - 1e-9))
                    (best, bestScore, bestTieBreak) = (c, score, tieBreak);
            }
            counts[best]++;
            picks[step] = best;
            trajectory[step] = bestScore;
            tieBreaks[step] = bestTieBreak;
        }
        return (picks, trajectory, tieBreaks);
    }
}
