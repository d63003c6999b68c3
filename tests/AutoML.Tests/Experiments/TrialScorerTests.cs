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
    public void Noise_is_two_binomial_standard_errors_over_the_rows()
    {
        var scorer = Scorer(Metric.Accuracy);
        var standardError = Math.Sqrt(0.9 * 0.1 / 48);
        Assert.IsTrue(scorer.WithinNoise(0.9 - 1.99 * standardError, 0.9, Rows));
        Assert.IsFalse(scorer.WithinNoise(0.9 - 2.01 * standardError, 0.9, Rows));
    }

    [TestMethod]
    public void The_best_of_many_competitors_widens_the_band_to_the_expected_lead_of_a_maximum()
    {
        var scorer = Scorer(Metric.Accuracy);
        var standardError = Math.Sqrt(0.9 * 0.1 / 48);
        var gap = 3 * standardError;
        Assert.IsFalse(scorer.WithinNoise(0.9 - gap, 0.9, Rows, competitors: 5), "√(2 ln 5) < 2: still two standard errors");
        Assert.IsTrue(scorer.WithinNoise(0.9 - gap, 0.9, Rows, competitors: 1000), "√(2 ln 1000) ≈ 3.7");
    }

    [TestMethod]
    public void For_macro_averaged_metrics_a_rare_class_shrinks_the_effective_rows()
    {
        // 36 'no' and 12 'yes': effective rows 2² / (1/36 + 1/12) = 36, fewer than 48.
        var standardError48 = Math.Sqrt(0.9 * 0.1 / 48);
        var standardError36 = Math.Sqrt(0.9 * 0.1 / 36);
        var gap = (standardError48 + standardError36);   // between the two bands
        Assert.IsFalse(Scorer(Metric.Accuracy).WithinNoise(0.9 - gap, 0.9, Rows));
        Assert.IsTrue(Scorer(Metric.MacroF1).WithinNoise(0.9 - gap, 0.9, Rows));
        Assert.IsTrue(Scorer(Metric.MacroF1).WithinNoise(0.9 - 1.99 * standardError36, 0.9, Rows));
        Assert.IsFalse(Scorer(Metric.MacroF1).WithinNoise(0.9 - 2.01 * standardError36, 0.9, Rows));
    }

    private static TrialScorer Scorer(Metric metric)
    {
        var frame = LabelTask.WithClassLabel(ContractData.Standard());   // 36 'no', 12 'yes'
        return new TrialScorer(ExperimentTarget.Of(frame, LabelTask.Detect(frame)), metric, DecisionPolicy.Auto);
    }
}
