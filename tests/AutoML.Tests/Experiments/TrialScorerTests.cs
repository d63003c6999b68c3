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

    [TestMethod]
    public void A_binary_trial_is_scored_by_its_threshold_on_the_rows_it_was_tuned_on_once_it_holds_up()
    {
        // 400 rows, 15% 'yes', scores that lean the right way but mostly sit below 0.5: a lower threshold helps.
        var random = new Random(4);
        var labels = Enumerable.Range(0, 400).Select(_ => random.NextDouble() < 0.15 ? "yes" : "no").ToArray();
        var predictions = labels.SelectMany(l =>
        {
            var p = (float)Math.Clamp((l == "yes" ? 0.35 : 0.15) + (random.NextDouble() - 0.5) * 0.8, 0.01, 0.99);
            return new[] { 1 - p, p };
        }).ToArray();
        var (target, rows, tuning) = Tuned(labels, predictions);
        Assert.IsInstanceOfType<Calibration.ThresholdRule>(tuning.Rule, $"held out {tuning.HeldOutValue:F4} beats argmax {tuning.ArgMaxValue:F4}");
        Assert.IsLessThan(tuning.Value, tuning.HeldOutValue!.Value, "rows the threshold was not tuned on score lower");

        var scorer = new TrialScorer(target, Metric.MacroF1, DecisionPolicy.Auto);
        Assert.AreEqual(tuning.Value, scorer.Score(predictions, rows), 1e-12, "one threshold flatters every trial about alike");
        Assert.AreEqual(scorer.Score(predictions, rows), scorer.ScoreAsShipped(predictions, rows), "a binary trial ships its threshold");
    }

    [TestMethod]
    public void Multiclass_candidates_are_compared_under_class_weights_cross_fitted()
    {
        // 300 rows, 200 'a', 50 'b', 50 'c', probabilities that lean to the row's class from a bias towards 'a': weights
        // on 'b' and 'c' help on rows they were not tuned on, and more on the rows they were.
        var random = new Random(5);
        var labels = Enumerable.Range(0, 300).Select(i => i % 6 == 0 ? "b" : i % 6 == 1 ? "c" : "a").ToArray();
        var predictions = labels.SelectMany(l =>
        {
            var scores = new[] { "a", "b", "c" }.Select(c => Math.Exp((c == "a" ? 0.8 : 0) + (c == l ? 0.9 : 0) + random.NextDouble() * 1.5)).ToArray();
            return scores.Select(v => (float)(v / scores.Sum()));
        }).ToArray();
        var (target, rows, tuning) = Tuned(labels, predictions);
        Assert.IsInstanceOfType<Calibration.ClassWeightRule>(tuning.Rule);
        Assert.IsTrue(tuning.HeldOutValue > tuning.ArgMaxValue && tuning.HeldOutValue < tuning.Value,
            $"held out {tuning.HeldOutValue:F4}, argmax {tuning.ArgMaxValue:F4}, on the tuned rows {tuning.Value:F4}");

        var scorer = new TrialScorer(target, Metric.MacroF1, DecisionPolicy.Auto);
        Assert.AreEqual(tuning.ArgMaxValue, scorer.Score(predictions, rows), 1e-12, "trials: argmax");
        Assert.AreEqual(tuning.HeldOutValue!.Value, scorer.ScoreAsShipped(predictions, rows), 1e-12, "candidates: the weights, cross-fitted");
    }

    /// <summary>The target of <paramref name="labels"/>, all its rows, and the macro-F1 rule tuned on <paramref name="predictions"/> with the held-out check.</summary>
    private static (ExperimentTarget Target, int[] Rows, Calibration.RuleTuning Tuning) Tuned(string[] labels, float[] predictions)
    {
        var frame = new DataFrame([CategoricalColumn.FromValues("class", labels)], label: "class");
        var target = ExperimentTarget.Of(frame, LabelTask.Detect(frame));
        var rows = Enumerable.Range(0, labels.Length).ToArray();
        var actual = rows.Select(r => target.Codes[r]).ToArray();
        return (target, rows, Calibration.DecisionRuleTuner.TuneHeldOut(actual, predictions, target.Classes, Calibration.DecisionObjective.Maximize(Metric.MacroF1)));
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
