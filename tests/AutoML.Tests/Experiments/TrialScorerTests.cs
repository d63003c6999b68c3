using Pipelines.AutoML.Experiments;
using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Tests.Contract;

namespace Pipelines.AutoML.Tests.Experiments;

[TestClass]
public sealed class TrialScorerTests
{
    private static readonly int[] Rows = [.. Enumerable.Range(0, 48)];

    [TestMethod]
    public void Noise_is_two_binomial_standard_errors_at_the_pooled_proportion_over_the_rows()
    {
        var scorer = Scorer(Metric.Accuracy);
        var band = Band(0.9, 48, 2);
        Assert.IsTrue(scorer.WithinNoise(0.9 - 0.99 * band, 0.9, Rows));
        Assert.IsFalse(scorer.WithinNoise(0.9 - 1.01 * band, 0.9, Rows));
    }

    [TestMethod]
    public void A_perfect_best_among_many_gets_the_band_of_the_pooled_proportion()
    {
        // 1.0 against 0.90 on 48 rows among 1,000 trials: at the best's own proportion only the one-row floor would
        // remain (3.7 × 1/48 ≈ 0.08, so 0.10 would look like skill); at the pooled 0.95 the band is about 0.12.
        var scorer = Scorer(Metric.Accuracy);
        Assert.IsTrue(scorer.WithinNoise(0.90, 1.0, Rows, competitors: 1000));
        Assert.IsFalse(scorer.WithinNoise(0.80, 1.0, Rows, competitors: 1000), "pooled 0.90: band about 0.16");
    }

    [TestMethod]
    public void The_best_of_many_competitors_widens_the_band_to_the_expected_lead_of_a_maximum()
    {
        var scorer = Scorer(Metric.Accuracy);
        var gap = 1.5 * Band(0.9, 48, 2);
        Assert.IsFalse(scorer.WithinNoise(0.9 - gap, 0.9, Rows, competitors: 5), "√(2 ln 5) < 2: still two standard errors");
        Assert.IsTrue(scorer.WithinNoise(0.9 - gap, 0.9, Rows, competitors: 1000), "√(2 ln 1000) ≈ 3.7");
    }

    [TestMethod]
    public void For_macro_averaged_metrics_a_rare_class_shrinks_the_effective_rows()
    {
        // 36 'no' and 12 'yes': effective rows 2² / (1/36 + 1/12) = 36, fewer than 48.
        var band48 = Band(0.9, 48, 2);
        var band36 = Band(0.9, 36, 2);
        var gap = (band48 + band36) / 2;   // between the two bands
        Assert.IsFalse(Scorer(Metric.Accuracy).WithinNoise(0.9 - gap, 0.9, Rows));
        Assert.IsTrue(Scorer(Metric.MacroF1).WithinNoise(0.9 - gap, 0.9, Rows));
        Assert.IsTrue(Scorer(Metric.MacroF1).WithinNoise(0.9 - 0.99 * band36, 0.9, Rows));
        Assert.IsFalse(Scorer(Metric.MacroF1).WithinNoise(0.9 - 1.01 * band36, 0.9, Rows));
    }

    [TestMethod]
    public void A_multiclass_blend_is_compared_under_the_class_weights_it_ships_with()
    {
        // 30 'a', 9 'b', 9 'c'; the small classes' rows lean their way but argmax still says 'a' for every row.
        var labels = Enumerable.Range(0, 48).Select(i => i < 30 ? "a" : i < 39 ? "b" : "c").ToArray();
        var frame = new DataFrame([CategoricalColumn.FromValues("class", labels)], label: "class");
        var target = ExperimentTarget.Of(frame, LabelTask.Detect(frame));
        var predictions = labels.SelectMany(l => l switch
        {
            "a" => new[] { 0.7f, 0.15f, 0.15f },
            "b" => [0.55f, 0.4f, 0.05f],
            _ => [0.55f, 0.05f, 0.4f],
        }).ToArray();

        var macroF1 = new TrialScorer(target, Metric.MacroF1, DecisionPolicy.Auto);
        Assert.AreEqual(2 * 30.0 / (30 + 48) / 3, macroF1.Score(predictions, Rows), 1e-9, "trials: argmax predicts 'a' only");
        Assert.AreEqual(1.0, macroF1.ScoreAsShipped(predictions, Rows), 1e-9, "weights on 'b' and 'c' separate every row");
        var accuracy = new TrialScorer(target, Metric.Accuracy, DecisionPolicy.Auto);
        Assert.AreEqual(accuracy.Score(predictions, Rows), accuracy.ScoreAsShipped(predictions, Rows), "accuracy ships argmax");
    }

    /// <summary>
    /// The gap g below <paramref name="best"/> at which the band ends: g = width × √(p (1 − p) / n) with p = best − g / 2,
    /// the pooled proportion (found by fixed-point iteration; it converges fast as the band is small).
    /// </summary>
    private static double Band(double best, double n, double width)
    {
        var gap = 0.0;
        for (var i = 0; i < 100; i++)
        {
            var p = best - gap / 2;
            gap = width * Math.Sqrt(p * (1 - p) / n);
        }
        return gap;
    }

    private static TrialScorer Scorer(Metric metric)
    {
        var frame = LabelTask.WithClassLabel(ContractData.Standard());   // 36 'no', 12 'yes'
        return new TrialScorer(ExperimentTarget.Of(frame, LabelTask.Detect(frame)), metric, DecisionPolicy.Auto);
    }
}
