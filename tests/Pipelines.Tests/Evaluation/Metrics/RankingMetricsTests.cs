using Pipelines.Evaluation;

namespace Pipelines.Tests.Evaluation.Metrics;

[TestClass]
public sealed class RankingMetricsTests
{
    private const double Tolerance = 1e-12;

    // scikit-learn's documented example: y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8].
    private static readonly int[] Y = [0, 0, 1, 1];
    private static readonly float[] S = [0.1f, 0.4f, 0.35f, 0.8f];

    // Three classes, four rows; actual [0, 1, 2, 2].
    private static readonly int[] Y3 = [0, 1, 2, 2];
    private static readonly float[,] P3 =
    {
        { 0.6f, 0.3f, 0.1f },
        { 0.2f, 0.5f, 0.3f },
        { 0.1f, 0.2f, 0.7f },
        { 0.3f, 0.4f, 0.3f },
    };

    [TestMethod]
    public void BinaryRocAucByRanks()
    {
        // Ranks ascending: 0.1->1, 0.35->2 (pos), 0.4->3, 0.8->4 (pos). R+ = 6, U = 6 - 3 = 3, AUC = 3/4.
        Assert.AreEqual(0.75, RankingMetrics.RocAuc(Y, S), Tolerance);
    }

    [TestMethod]
    public void TiedScoresShareTheirAverageRank()
    {
        // actual [0,1,0,1], scores [0.5,0.5,0.2,0.9]: ranks 0.2->1, 0.5,0.5->2.5 each, 0.9->4.
        // R+ = 2.5 + 4 = 6.5, U = 6.5 - 3 = 3.5, AUC = 3.5/4 (the tied pair counts one half).
        Assert.AreEqual(0.875, RankingMetrics.RocAuc([0, 1, 0, 1], [0.5f, 0.5f, 0.2f, 0.9f]), Tolerance);
    }

    [TestMethod]
    public void AveragePrecisionIsStepWise()
    {
        // Thresholds 0.8: R .5 P 1 -> +.5; 0.4: R .5 -> +0; 0.35: R 1 P 2/3 -> +1/3; 0.1: R 1 -> +0. AP = 5/6.
        Assert.AreEqual(5.0 / 6, RankingMetrics.AveragePrecision(Y, S), Tolerance);
        // Ties: 0.9: R .5 P 1 -> .5; 0.5 (one pos, one neg together): R 1 P 2/3 -> 1/3. AP = 5/6.
        Assert.AreEqual(5.0 / 6, RankingMetrics.AveragePrecision([0, 1, 0, 1], [0.5f, 0.5f, 0.2f, 0.9f]), Tolerance);
    }

    [TestMethod]
    public void RocCurveHasOnePointPerDistinctThreshold()
    {
        var curve = RankingMetrics.RocCurve(Y, S);
        double[] fpr = [0, 0, 0.5, 0.5, 1];
        double[] tpr = [0, 0.5, 0.5, 1, 1];
        CollectionAssert.AreEqual(fpr, curve.Select(p => p.FalsePositiveRate).ToArray());
        CollectionAssert.AreEqual(tpr, curve.Select(p => p.TruePositiveRate).ToArray());
        Assert.AreEqual(double.PositiveInfinity, curve[0].Threshold);
        Assert.AreEqual(0.35f, (float)curve[3].Threshold);
    }

    [TestMethod]
    public void PrCurveStartsAtPrecisionOne()
    {
        var curve = RankingMetrics.PrCurve(Y, S);
        double[] recall = [0, 0.5, 0.5, 1, 1];
        double[] precision = [1, 1, 0.5, 2.0 / 3, 0.5];
        CollectionAssert.AreEqual(recall, curve.Select(p => p.Recall).ToArray());
        for (var i = 0; i < precision.Length; i++) Assert.AreEqual(precision[i], curve[i].Precision, Tolerance);
    }

    [TestMethod]
    public void BinaryProbabilitiesUseColumnOne()
    {
        float[,] p = { { 0.9f, 0.1f }, { 0.6f, 0.4f }, { 0.65f, 0.35f }, { 0.2f, 0.8f } };
        Assert.AreEqual(0.75, RankingMetrics.RocAuc(Y, p), Tolerance);
        Assert.AreEqual(5.0 / 6, RankingMetrics.AveragePrecision(Y, p), Tolerance);
    }

    [TestMethod]
    public void MulticlassIsMacroOneVsRest()
    {
        // Class 0: positive 0.6 beats 0.2, 0.1, 0.3 -> 1. Class 1: 0.5 beats 0.3, 0.2, 0.4 -> 1.
        // Class 2: positives 0.7, 0.3 vs negatives 0.1, 0.3: 1 + 1 + 1 + 0.5 (tie) = 3.5 of 4 -> 0.875.
        // Macro AUC = (1 + 1 + 0.875) / 3 = 0.958333...
        Assert.AreEqual(2.875 / 3, RankingMetrics.RocAuc(Y3, P3), Tolerance);
        // AP per class: 1, 1, and for class 2: 0.7 -> R .5 P 1 (+.5); 0.3 (pos+neg) -> R 1 P 2/3 (+1/3) = 5/6.
        // Macro AP = (2 + 5/6) / 3 = 0.94444...
        Assert.AreEqual((2 + 5.0 / 6) / 3, RankingMetrics.AveragePrecision(Y3, P3), Tolerance);
    }

    [TestMethod]
    public void ClassesAbsentFromActualAreSkippedInTheMacroMean()
    {
        // Add a 4th class column nobody has: the three present classes give the same mean.
        var p4 = new float[4, 4];
        for (var r = 0; r < 4; r++) for (var c = 0; c < 3; c++) p4[r, c] = P3[r, c];
        Assert.AreEqual(2.875 / 3, RankingMetrics.RocAuc(Y3, p4), Tolerance);
    }

    [TestMethod]
    public void SingleClassIsAClearError()
    {
        var e = Assert.Throws<MetricInputException>(() => RankingMetrics.RocAuc([1, 1, 1], [0.2f, 0.5f, 0.9f]));
        StringAssert.Contains(e.Message, "fewer than 2 classes");
        var m = Assert.Throws<MetricInputException>(() => RankingMetrics.RocAuc([2, 2], new float[,] { { 0.1f, 0.1f, 0.8f }, { 0.2f, 0.2f, 0.6f } }));
        StringAssert.Contains(m.Message, "at least 2 classes");
        Assert.Throws<MetricInputException>(() => RankingMetrics.AveragePrecision([0, 0], [0.2f, 0.5f]));
    }

    [TestMethod]
    public void NonFiniteInputsAreClearErrors()
    {
        var e = Assert.Throws<MetricInputException>(() => RankingMetrics.RocAuc(Y3, new float[,] { { 1, 0, 0 }, { 0, 1, 0 }, { float.NaN, 0, 1 }, { 0, 0, 1 } }));
        StringAssert.Contains(e.Message, "row 2");
        Assert.Throws<MetricInputException>(() => RankingMetrics.RocAuc(Y, [0.1f, float.PositiveInfinity, 0.2f, 0.3f]));
        Assert.Throws<MetricInputException>(() => RankingMetrics.RocAuc(Y, [0.1f, 0.2f]));
        Assert.Throws<MetricInputException>(() => RankingMetrics.RocAuc([0, 1, 2], [0.1f, 0.2f, 0.3f]));
        Assert.Throws<MetricInputException>(() => RankingMetrics.RocAuc(Y, [0.1f, 0.2f, 0.3f, 0.4f, 0.5f], 2));
    }
}
