using Pipelines.Calibration;
using Pipelines.Evaluation;

namespace Pipelines.Tests.Calibration;

[TestClass]
public sealed class DecisionRuleTunerTests
{
    private static readonly string[] Binary = ["no", "yes"];

    [TestMethod]
    public void Threshold_is_the_best_of_every_possible_threshold()
    {
        var (actual, probabilities) = Imbalanced(500, seed: 1);
        foreach (var objective in new[] { DecisionObjective.Maximize(Metric.MacroF1), DecisionObjective.Maximize(Metric.BalancedAccuracy), DecisionObjective.PositiveClassF1() })
        {
            var tuning = DecisionRuleTuner.Tune(actual, probabilities, Binary, objective);
            var rule = (ThresholdRule)tuning.Rule;
            Assert.AreEqual(1, rule.PositiveClass, "the rare class is positive");
            var achieved = Evaluate(objective, actual, rule.Decide(probabilities, 2));
            Assert.AreEqual(achieved, tuning.Value, 1e-12, "the reported value is the rule's");
            // Brute force: every distinct score as threshold.
            var best = probabilities.Where((_, i) => i % 2 == 1).Distinct()
                .Max(t => Evaluate(objective, actual, new ThresholdRule(1, t).Decide(probabilities, 2)));
            Assert.AreEqual(best, achieved, 1e-12, objective.Describe());
            Assert.IsTrue(tuning.Value > tuning.ArgMaxValue, $"{objective.Describe()}: tuned {tuning.Value:F4} vs argmax {tuning.ArgMaxValue:F4}");
            Assert.AreEqual(101, tuning.Curve!.Points.Count);
            Assert.AreEqual(rule.Threshold, tuning.Curve.Chosen.Threshold);
            Assert.IsTrue(tuning.Curve.Points.All(p => p.Value <= tuning.Value + 1e-12), "no grid point beats the chosen one");
        }
    }

    [TestMethod]
    public void Each_curve_point_is_the_objective_of_its_threshold()
    {
        var (actual, probabilities) = Imbalanced(700, seed: 4);
        // Scores on the grid itself (a score equal to the threshold is predicted positive) and ties among rows.
        for (var r = 0; r < actual.Length; r += 3)
        {
            probabilities[2 * r + 1] = MathF.Round(probabilities[2 * r + 1], 2);
            probabilities[2 * r] = 1 - probabilities[2 * r + 1];
        }
        foreach (var objective in new[] { DecisionObjective.Maximize(Metric.MacroF1), DecisionObjective.PositiveClassF1() })
        {
            var curve = DecisionRuleTuner.Tune(actual, probabilities, Binary, objective).Curve!;
            foreach (var point in curve.Points)
                Assert.AreEqual(Evaluate(objective, actual, new ThresholdRule(1, point.Threshold).Decide(probabilities, 2)), point.Value, 1e-12, $"threshold {point.Threshold}");
        }
    }

    [TestMethod]
    public void Objective_values_agree_with_the_metrics()
    {
        var random = new Random(2);
        var actual = Enumerable.Range(0, 300).Select(_ => random.Next(4)).ToArray();
        var predicted = actual.Select(a => random.NextDouble() < 0.6 ? a : random.Next(4)).ToArray();
        var probabilities = new float[actual.Length * 4];
        for (var r = 0; r < actual.Length; r++) probabilities[r * 4 + predicted[r]] = 1;
        var matrix = ConfusionMatrix.Compute(actual, predicted, 4);
        var classes = new[] { "a", "b", "c", "d" };
        (DecisionObjective Objective, double Expected)[] cases =
        [
            (DecisionObjective.Maximize(Metric.Accuracy), ClassificationMetrics.Accuracy(actual, predicted)),
            (DecisionObjective.Maximize(Metric.BalancedAccuracy), ClassificationMetrics.BalancedAccuracy(matrix)),
            (DecisionObjective.Maximize(Metric.MacroF1), ClassificationMetrics.MacroF1(matrix)),
            (DecisionObjective.Maximize(Metric.WeightedF1), ClassificationMetrics.WeightedF1(matrix)),
            (DecisionObjective.PositiveClassF1("c"), ClassificationMetrics.PerClass(matrix)[2].F1),
        ];
        foreach (var (objective, expected) in cases)
            Assert.AreEqual(expected, DecisionRuleTuner.Tune(actual, probabilities, classes, objective).ArgMaxValue, 1e-12, objective.Describe());
    }

    [TestMethod]
    public void Cost_matrix_threshold_follows_the_costs()
    {
        // Calibrated probabilities: with a missed 'yes' costing 5 and a false alarm 1, the Bayes threshold is 1/6.
        var random = new Random(3);
        const int rows = 20_000;
        var actual = new int[rows];
        var probabilities = new float[2 * rows];
        for (var r = 0; r < rows; r++)
        {
            var p = (float)random.NextDouble();
            actual[r] = random.NextDouble() < p ? 1 : 0;
            probabilities[2 * r] = 1 - p;
            probabilities[2 * r + 1] = p;
        }
        var costs = new CostMatrix(["yes", "no"], new double[,] { { 0, 5 }, { 1, 0 } });
        var tuning = DecisionRuleTuner.Tune(actual, probabilities, Binary, DecisionObjective.MinimizeCost(costs));
        var rule = (ThresholdRule)tuning.Rule;
        var threshold = rule.PositiveClass == 1 ? rule.Threshold : 1 - rule.Threshold;
        Assert.AreEqual(1 / 6.0, threshold, 0.03);
        Assert.IsTrue(tuning.Value < tuning.ArgMaxValue, "cost is minimized");
        Assert.AreEqual("mean cost", tuning.Objective);
    }

    [TestMethod]
    public void Class_weights_raise_macro_f1_on_an_imbalanced_multiclass_problem()
    {
        var random = new Random(4);
        const int rows = 1500, k = 3;
        double[] prior = [0.75, 0.2, 0.05];
        var actual = new int[rows];
        var probabilities = new float[rows * k];
        for (var r = 0; r < rows; r++)
        {
            var u = random.NextDouble();
            actual[r] = u < prior[0] ? 0 : u < prior[0] + prior[1] ? 1 : 2;
            var likelihood = Enumerable.Range(0, k).Select(c => Math.Exp(-Math.Pow(c - actual[r] - 0.9 * (random.NextDouble() - 0.5) * 2, 2))).ToArray();
            var posterior = likelihood.Select((l, c) => l * prior[c]).ToArray();
            for (var c = 0; c < k; c++) probabilities[r * k + c] = (float)(posterior[c] / posterior.Sum());
        }
        var classes = new[] { "common", "uncommon", "rare" };
        var tuning = DecisionRuleTuner.Tune(actual, probabilities, classes, DecisionObjective.Maximize(Metric.MacroF1));
        var rule = (ClassWeightRule)tuning.Rule;
        var predicted = rule.Decide(probabilities, k);
        Assert.AreEqual(ClassificationMetrics.MacroF1(actual, predicted, k), tuning.Value, 1e-12);
        Assert.IsTrue(tuning.Value > tuning.ArgMaxValue + 0.01, $"macro-F1 {tuning.Value:F4} vs argmax {tuning.ArgMaxValue:F4}");
        Assert.IsTrue(rule.Weights[2] > rule.Weights[0], "the rare class gets more weight");
        Assert.IsNull(tuning.Curve);
    }

    [TestMethod]
    public void A_rule_that_holds_up_on_held_out_rows_is_kept()
    {
        var (actual, probabilities) = Imbalanced(500, seed: 1);
        var objective = DecisionObjective.Maximize(Metric.MacroF1);
        var tuned = DecisionRuleTuner.Tune(actual, probabilities, Binary, objective);
        var checkedTuning = DecisionRuleTuner.TuneHeldOut(actual, probabilities, Binary, objective);
        Assert.AreEqual(((ThresholdRule)tuned.Rule).Threshold, ((ThresholdRule)checkedTuning.Rule).Threshold, "the rule tuned on every row ships");
        Assert.AreEqual(tuned.Value, checkedTuning.Value);
        Assert.IsTrue(checkedTuning.HeldOutValue > checkedTuning.ArgMaxValue, $"held out {checkedTuning.HeldOutValue:F4} vs argmax {checkedTuning.ArgMaxValue:F4}");
        Assert.IsTrue(checkedTuning.HeldOutValue <= checkedTuning.Value, "rows it was not tuned on score no higher than the rows it was");
        var weighed = DecisionRuleTuner.TuneHeldOut(actual, probabilities, Binary, objective, margin: 1);
        Assert.IsInstanceOfType<ThresholdRule>(weighed.Rule);
        Assert.IsTrue(weighed.HeldOutValue - weighed.ArgMaxValue > weighed.HeldOutStandardError,
            $"the gain {weighed.HeldOutValue - weighed.ArgMaxValue:F4} clears its standard error {weighed.HeldOutStandardError:F4}");
    }

    [TestMethod]
    public void Cross_fit_decisions_are_the_held_out_decisions_of_a_kept_rule_and_argmax_of_a_dropped_one()
    {
        var objective = DecisionObjective.Maximize(Metric.MacroF1);
        var (actual, probabilities) = Imbalanced(500, seed: 1);
        var kept = DecisionRuleTuner.TuneHeldOut(actual, probabilities, Binary, objective);
        Assert.IsInstanceOfType<ThresholdRule>(kept.Rule);
        var decisions = kept.CrossFitDecisions!;
        Assert.AreEqual(kept.HeldOutValue!.Value, Evaluate(objective, actual, decisions), 1e-12, "they score the held-out value");
        Assert.IsTrue(Evaluate(objective, actual, decisions) < kept.Value, "and below the value on the rows the rule was tuned on");
        CollectionAssert.AreNotEqual(kept.Rule.Decide(probabilities, 2), decisions, "each part is decided by a rule tuned without it");

        var random = new Random(8);
        var noise = Enumerable.Range(0, 40).Select(r => r % 2).ToArray();
        var flat = noise.SelectMany(_ => { var p = 0.3f + (float)random.NextDouble() * 0.4f; return new[] { 1 - p, p }; }).ToArray();
        var dropped = DecisionRuleTuner.TuneHeldOut(noise, flat, Binary, objective);
        Assert.IsInstanceOfType<ClassWeightRule>(dropped.Rule, "argmax");
        CollectionAssert.AreEqual(ClassWeightRule.ArgMax(2).Decide(flat, 2), dropped.CrossFitDecisions, "argmax needs no tuning, so nothing is cross-fitted");
        Assert.IsNull(DecisionRuleTuner.Tune(actual, probabilities, Binary, objective).CrossFitDecisions, "Tune does not check on held-out rows");
    }

    [TestMethod]
    public void With_a_margin_a_held_out_gain_within_its_standard_error_falls_back_to_argmax()
    {
        // 150 rows, 40% positives, scores biased low: the tuned threshold beats argmax on the held-out decisions by
        // about 0.024 macro-F1, a few rows' worth, while the paired difference's standard error is about 0.04.
        var random = new Random(11);
        var actual = new int[150];
        var probabilities = new float[2 * actual.Length];
        for (var r = 0; r < actual.Length; r++)
        {
            actual[r] = random.NextDouble() < 0.4 ? 1 : 0;
            var p = (float)(1 / (1 + Math.Exp(0.6 - 1.6 * actual[r] - (random.NextDouble() - 0.5) * 3)));
            (probabilities[2 * r], probabilities[2 * r + 1]) = (1 - p, p);
        }
        var objective = DecisionObjective.Maximize(Metric.MacroF1);
        var anyGain = DecisionRuleTuner.TuneHeldOut(actual, probabilities, Binary, objective);
        Assert.IsInstanceOfType<ThresholdRule>(anyGain.Rule, $"held out {anyGain.HeldOutValue:F4} beats argmax {anyGain.ArgMaxValue:F4}");
        Assert.IsNull(anyGain.HeldOutStandardError, "by default any gain keeps the rule, with nothing to weigh it against");

        var weighed = DecisionRuleTuner.TuneHeldOut(actual, probabilities, Binary, objective, margin: 1);
        Assert.AreEqual(anyGain.HeldOutValue, weighed.HeldOutValue, "the held-out decisions do not depend on the margin");
        var gain = weighed.HeldOutValue!.Value - weighed.ArgMaxValue;
        Assert.IsTrue(gain > 0 && gain < weighed.HeldOutStandardError, $"gain {gain:F4}, standard error {weighed.HeldOutStandardError:F4}");
        Assert.IsInstanceOfType<ClassWeightRule>(weighed.Rule, "argmax");
        Assert.AreEqual(weighed.ArgMaxValue, weighed.Value, "the value is the shipped rule's");
        Assert.AreEqual(weighed.HeldOutStandardError, DecisionRuleTuner.TuneHeldOut(actual, probabilities, Binary, objective, margin: 1).HeldOutStandardError, "resampled with a fixed seed");
    }

    [TestMethod]
    public void A_margin_is_a_number_of_standard_errors_of_zero_or_more()
    {
        var (actual, probabilities) = Imbalanced(50, seed: 5);
        foreach (var margin in new[] { -1, double.NaN, double.PositiveInfinity })
        {
            var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
                DecisionRuleTuner.TuneHeldOut(actual, probabilities, Binary, DecisionObjective.Maximize(Metric.MacroF1), margin));
            StringAssert.Contains(error.Message, "standard errors");
        }
    }

    [TestMethod]
    public void A_rule_that_only_fits_the_noise_of_its_rows_falls_back_to_argmax()
    {
        // Seven classes on 76 rows, the smallest with four, and probabilities that carry no class-specific bias to
        // correct: weights tuned on the rows raise macro-F1 there, and on held-out rows they do no better than argmax.
        var random = new Random(6);
        int[] sizes = [31, 15, 10, 7, 5, 4, 4];
        var k = sizes.Length;
        var actual = sizes.SelectMany((n, c) => Enumerable.Repeat(c, n)).OrderBy(_ => random.Next()).ToArray();
        var probabilities = new float[actual.Length * k];
        for (var r = 0; r < actual.Length; r++)
        {
            var scores = Enumerable.Range(0, k).Select(c => Math.Exp((c == actual[r] ? 1.2 : 0) + random.NextDouble() * 2)).ToArray();
            for (var c = 0; c < k; c++) probabilities[r * k + c] = (float)(scores[c] / scores.Sum());
        }
        var classes = Enumerable.Range(0, k).Select(c => $"c{c}").ToArray();
        var objective = DecisionObjective.Maximize(Metric.MacroF1);
        var tuned = DecisionRuleTuner.Tune(actual, probabilities, classes, objective);
        Assert.IsTrue(tuned.Value > tuned.ArgMaxValue, $"the rows' own tuning flatters them: {tuned.Value:F4} vs {tuned.ArgMaxValue:F4}");
        var checkedTuning = DecisionRuleTuner.TuneHeldOut(actual, probabilities, classes, objective);
        Assert.IsTrue(checkedTuning.HeldOutValue <= checkedTuning.ArgMaxValue, $"held out {checkedTuning.HeldOutValue:F4} vs argmax {checkedTuning.ArgMaxValue:F4}");
        CollectionAssert.AreEqual(Enumerable.Repeat(1f, k).ToArray(), ((ClassWeightRule)checkedTuning.Rule).Weights.ToArray(), "argmax");
        Assert.AreEqual(checkedTuning.ArgMaxValue, checkedTuning.Value, "the value is the shipped rule's");
    }

    [TestMethod]
    public void The_held_out_check_keeps_the_objectives_positive_class_and_minimizes_costs()
    {
        var (actual, probabilities) = Imbalanced(400, seed: 7);
        var f1 = DecisionRuleTuner.TuneHeldOut(actual, probabilities, Binary, DecisionObjective.PositiveClassF1());
        Assert.AreEqual("F1 of 'yes'", f1.Objective, "the rarest class of all rows, for every part");
        var costs = new CostMatrix(["yes", "no"], new double[,] { { 0, 5 }, { 1, 0 } });
        var cost = DecisionRuleTuner.TuneHeldOut(actual, probabilities, Binary, DecisionObjective.MinimizeCost(costs));
        Assert.IsTrue(cost.HeldOutValue < cost.ArgMaxValue, $"held-out cost {cost.HeldOutValue:F4} vs argmax {cost.ArgMaxValue:F4}");
        Assert.IsInstanceOfType<ThresholdRule>(cost.Rule, "lower held-out cost keeps the tuned threshold");
    }

    [TestMethod]
    public void A_binary_rule_that_falls_back_shows_argmax_as_the_chosen_point_of_its_curve()
    {
        // Scores that carry nothing about the label: a threshold tuned on 40 rows fits their noise.
        var random = new Random(8);
        var actual = Enumerable.Range(0, 40).Select(r => r % 2).ToArray();
        var probabilities = actual.SelectMany(_ => { var p = 0.3f + (float)random.NextDouble() * 0.4f; return new[] { 1 - p, p }; }).ToArray();
        var tuning = DecisionRuleTuner.TuneHeldOut(actual, probabilities, Binary, DecisionObjective.Maximize(Metric.MacroF1));
        Assert.IsInstanceOfType<ClassWeightRule>(tuning.Rule, "argmax");
        Assert.AreEqual(tuning.Curve!.Default, tuning.Curve.Chosen);
        Assert.AreEqual(tuning.ArgMaxValue, tuning.Value);
    }

    [TestMethod]
    public void Unknown_positive_class_and_label_free_metrics_are_refused()
    {
        var (actual, probabilities) = Imbalanced(50, seed: 5);
        var error = Assert.ThrowsExactly<ArgumentException>(() => DecisionRuleTuner.Tune(actual, probabilities, Binary, DecisionObjective.PositiveClassF1("maybe")));
        StringAssert.Contains(error.Message, "'maybe'");
        Assert.ThrowsExactly<ArgumentException>(() => DecisionObjective.Maximize(Metric.RocAuc));
    }

    /// <summary>10% positives with informative but overlapping scores: argmax at 0.5 predicts few positives.</summary>
    private static (int[] Actual, float[] Probabilities) Imbalanced(int rows, int seed)
    {
        var random = new Random(seed);
        var actual = new int[rows];
        var probabilities = new float[2 * rows];
        for (var r = 0; r < rows; r++)
        {
            actual[r] = random.NextDouble() < 0.1 ? 1 : 0;
            var z = -2.5 + 1.5 * actual[r] + random.NextDouble() * 2;
            var p = (float)(1 / (1 + Math.Exp(-z)));
            probabilities[2 * r] = 1 - p;
            probabilities[2 * r + 1] = p;
        }
        return (actual, probabilities);
    }

    private static double Evaluate(DecisionObjective objective, int[] actual, int[] predicted)
    {
        var matrix = ConfusionMatrix.Compute(actual, predicted, 2);
        return objective.Kind == DecisionObjectiveKind.PositiveClassF1 ? ClassificationMetrics.PerClass(matrix)[1].F1
            : objective.Metric == Metric.MacroF1 ? ClassificationMetrics.MacroF1(matrix)
            : ClassificationMetrics.BalancedAccuracy(matrix);
    }
}
