using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Statistics;
using Pipelines.Transforms.Selection;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class SelectKBestSelectionTests
{
    // Classes A A A B B B. Hand-computed F (g = 2, n = 6):
    //   strong 1..6:      means 2 and 5, SSB = 3*1.5^2*2 = 13.5, SSW = 2 + 2 = 4,   F = 13.5 / (4/4) = 13.5
    //   weak 1,5,3,2,6,4: means 3 and 4, SSB = 3*0.5^2*2 = 1.5,  SSW = 8 + 8 = 16,  F = 1.5 / (16/4) = 0.375
    //   flat:             0 / 0 = NaN
    private static DataFrame Groups() => new(
    [
        new NumericColumn("flat", [7, 7, 7, 7, 7, 7]),
        new NumericColumn("weak", [1, 5, 3, 2, 6, 4]),
        CategoricalColumn.FromValues("tag", ["a", "b", "a", "b", "a", "b"]),
        new NumericColumn("strong", [1, 2, 3, 4, 5, 6]),
        CategoricalColumn.FromValues("y", ["A", "A", "A", "B", "B", "B"]),
    ], label: "y");

    [TestMethod]
    public void FScoresMatchHandComputedAnova()
    {
        var model = new SelectKBest(K: 1).Fit(Groups());
        Assert.AreEqual(13.5, model.ScoreOf("strong"), 1e-9);
        Assert.AreEqual(0.375, model.ScoreOf("weak"), 1e-9);
        Assert.IsTrue(double.IsNaN(model.ScoreOf("flat")));
        CollectionAssert.AreEqual(new[] { "strong" }, model.Kept.ToArray());
        CollectionAssert.AreEqual(new[] { "tag", "strong", "y" }, model.Transform(Groups()).Names.ToArray());
    }

    [TestMethod]
    public void NaNScoresRankLastAndFractionRoundsUp()
    {
        var model = new SelectKBest(Fraction: 0.5).Fit(Groups());
        CollectionAssert.AreEqual(new[] { "weak", "strong" }, model.Kept.ToArray());
    }

    [TestMethod]
    public void TiesGoToTheEarlierColumn()
    {
        var data = Groups();
        var frame = data.With(new NumericColumn("again", data.Numeric("strong").ToArray()));
        var model = new SelectKBest(K: 1).Fit(frame);
        Assert.AreEqual(model.ScoreOf("strong"), model.ScoreOf("again"));
        CollectionAssert.AreEqual(new[] { "strong" }, model.Kept.ToArray());
    }

    [TestMethod]
    public void PerfectSeparationScoresInfinity()
    {
        float[] step = [0, 0, 0, 1, 1, 1];
        Assert.AreEqual(double.PositiveInfinity, FTest.OneWay(step, [0, 0, 0, 1, 1, 1], 2));
    }

    [TestMethod]
    public void MutualInformationOfSeparatedClassesIsDigammaDifference()
    {
        // Classes far apart, k = 3: every point has exactly k points (itself included) closer than its 3rd
        // in-class neighbour, so I = psi(8) - psi(4) = 1/4 + 1/5 + 1/6 + 1/7.
        float[] values = [0, 1, 2, 3, 10, 11, 12, 13];
        int[] classes = [0, 0, 0, 0, 1, 1, 1, 1];
        Assert.AreEqual(1.0 / 4 + 1.0 / 5 + 1.0 / 6 + 1.0 / 7, MutualInformation.ContinuousDiscrete(values, classes, 2, 3), 1e-12);
    }

    [TestMethod]
    public void MutualInformationOfIdenticalClassesIsZero()
    {
        // Same values in both classes, k = 1: each point's in-class neighbour is 1 away and exactly two points
        // (its twin included) are closer, so I = psi(8) + psi(1) - psi(4) - psi(2) < 0, clipped to 0.
        float[] values = [0, 1, 2, 3, 0, 1, 2, 3];
        int[] classes = [0, 0, 0, 0, 1, 1, 1, 1];
        Assert.AreEqual(0.0, MutualInformation.ContinuousDiscrete(values, classes, 2, 1));
    }

    [TestMethod]
    public void MutualInformationCatchesANonMonotoneDependence()
    {
        // Class B sits at both ends, class A in the middle: the class means are equal (F = 0), MI is not.
        float[] values = [5, 5.5f, 6, 6.5f, 0, 1, 2, 9.5f, 10.5f, 11.5f];
        var frame = new DataFrame(
        [
            new NumericColumn("x", values),
            new NumericColumn("noise", [1, 4, 7, 10, 2, 3, 5, 6, 8, 9]),
            CategoricalColumn.FromValues("y", ["A", "A", "A", "A", "B", "B", "B", "B", "B", "B"]),
        ], label: "y");
        var f = new SelectKBest(K: 1).Fit(frame);
        var mi = new SelectKBest(FeatureScore.MutualInformation, K: 1).Fit(frame);
        Assert.IsTrue(f.ScoreOf("x") < 1e-9, $"F of x should be 0 but is {f.ScoreOf("x")}");
        Assert.IsTrue(f.ScoreOf("noise") < 1e-9, $"F of noise should be 0 but is {f.ScoreOf("noise")}");
        // Reference: scikit-learn 1.2.1 _compute_mi_cd on the same data gives 0.155634920634920 and 0.
        Assert.AreEqual(0.155634920634920, mi.ScoreOf("x"), 1e-12);
        Assert.AreEqual(0.0, mi.ScoreOf("noise"));
        CollectionAssert.AreEqual(new[] { "x" }, mi.Kept.ToArray());
    }

    [TestMethod]
    public void RowsWithoutALabelAreLeftOut()
    {
        var data = Groups();
        var withUnlabelled = data.AppendRows(new DataFrame(
        [
            new NumericColumn("flat", [7]), new NumericColumn("weak", [100]),
            CategoricalColumn.FromValues("tag", ["a"]), new NumericColumn("strong", [-100]),
            CategoricalColumn.FromValues("y", [null]),
        ], label: "y"));
        var model = new SelectKBest(K: 1).Fit(withUnlabelled);
        Assert.AreEqual(13.5, model.ScoreOf("strong"), 1e-9);
    }

    [TestMethod]
    public void NeedsACategoricalLabel()
    {
        Assert.ThrowsExactly<SchemaException>(() => new SelectKBest().Fit(Groups().WithLabel(null)));
        Assert.ThrowsExactly<SchemaException>(() => new SelectKBest().GetOutputSchema(Groups().WithLabel(null).Schema));
        Assert.ThrowsExactly<ArgumentException>(() => new SelectKBest(K: 2, Fraction: 0.5).Fit(Groups()));
    }
}
