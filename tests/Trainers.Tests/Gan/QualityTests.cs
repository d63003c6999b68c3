using Pipelines.Data;
using Pipelines.Trainers.Gan.Quality;

namespace Pipelines.Trainers.Tests.Gan;

[TestClass]
public sealed class QualityTests
{
    [TestMethod]
    public void KsOfIdenticalSamplesIsZeroAndOfDisjointIsOne()
    {
        float[] a = [3, 1, 2, 2, 5, float.NaN];
        Assert.AreEqual(0, KolmogorovSmirnov.Statistic(a, [5, 2, 1, 3, 2]));
        Assert.AreEqual(1, KolmogorovSmirnov.Statistic([1, 2, 3], [4, 5]));
        // F_a - F_b at x = 2: 2/4 - 0/2.
        Assert.AreEqual(0.5, KolmogorovSmirnov.Statistic([1, 2, 3, 4], [2.5f, 3.5f]), 1e-12);
    }

    [TestMethod]
    public void TotalVariationMatchesByValue()
    {
        var a = CategoricalColumn.FromValues("c", ["x", "y", "y", "x"]);
        var b = new CategoricalColumn("c", [1, 0, 0, 1], ["y", "x"]);
        Assert.AreEqual(0, TotalVariation.Distance(a, b), 1e-12);
        Assert.AreEqual(1, TotalVariation.Distance(a, CategoricalColumn.FromValues("c", ["z", "w"])), 1e-12);
        Assert.AreEqual(0.25, TotalVariation.Distance(a, CategoricalColumn.FromValues("c", ["x", "y", "y", "y"])), 1e-12);
    }

    [TestMethod]
    public void CorrelationDistanceOfAFlippedRelation()
    {
        float[] x = [1, 2, 3, 4, 5];
        var same = new DataFrame([new NumericColumn("a", x), new NumericColumn("b", [2, 4, 6, 8, 10])]);
        var flipped = new DataFrame([new NumericColumn("a", x), new NumericColumn("b", [10, 8, 6, 4, 2])]);
        Assert.AreEqual(0, CorrelationDistance.Frobenius(same, same, ["a", "b"]), 1e-12);
        // r = 1 against r = -1 in both off-diagonal cells: sqrt(2 * 2^2).
        Assert.AreEqual(Math.Sqrt(8), CorrelationDistance.Frobenius(same, flipped, ["a", "b"]), 1e-9);
    }

    [TestMethod]
    public void DetectionAucIsNearHalfForTheSameDistributionAndNearOneForDisjoint()
    {
        var a = TransformerTests.Bimodal(300, 31);
        var b = TransformerTests.Bimodal(300, 32);
        var same = DetectionAuc.Evaluate(a, b, seed: 1);
        Assert.IsTrue(same is > 0.4 and < 0.6, $"AUC {same:F3} for two samples of one distribution");
        var shifted = a.With(new NumericColumn("x", [.. a.Numeric("x").Values.ToArray().Select(v => v + 100)]));
        var apart = DetectionAuc.Evaluate(a, shifted, seed: 1);
        Assert.IsTrue(apart > 0.95, $"AUC {apart:F3} for disjoint samples");
    }

    [TestMethod]
    public void ReportOnARealCopyIsClean()
    {
        var real = TransformerTests.Bimodal(200, 33);
        var test = TransformerTests.Bimodal(100, 34);
        var report = SyntheticQuality.Evaluate(real, real, test, seed: 2);
        Assert.AreEqual(0, report.MeanKs);
        Assert.AreEqual(0, report.MeanTv);
        Assert.AreEqual(0, report.CorrelationDistance, 1e-12);
        Assert.AreEqual(report.TrtrAccuracy, report.TstrAccuracy);
        Assert.IsTrue(report.TstrAccuracy > 0.9);
        Assert.AreEqual(2, report.ColumnKs.Count);
        Assert.AreEqual(2, report.ColumnTv.Count);
    }
}
