using Pipelines.Data;
using Pipelines.Trainers.Trees.Binning;
using Pipelines.Trainers.Trees.Histograms;
using Pipelines.Trainers.Trees.Splitting;

namespace Pipelines.Trainers.Tests.Trees;

[TestClass]
public sealed class SplittingTests
{
    private static readonly ParallelOptions Serial = new() { MaxDegreeOfParallelism = 1 };

    private static SplitInfo? Best(Column column, float[] g, float[] h, SplitParameters parameters)
    {
        var bins = Binner.Fit([column], 255, 1000, 0, Serial);
        var data = Binner.Apply(bins, [column], Serial);
        var layout = new HistogramLayout(bins);
        var histogram = NaiveHistogram.Build(data, layout, Enumerable.Range(0, column.Length).ToArray(), g, h);
        return new SplitFinder(layout, parameters).Best(histogram, [0]);
    }

    private static SplitParameters Parameters(double l1 = 0, double l2 = 1, int minChild = 1, double minGain = 0) =>
        new(l1, l2, minChild, 0, minGain, 32, 10);

    [TestMethod]
    public void LeafFormulasFollowXGBoostWithSoftThresholding()
    {
        Assert.AreEqual(3.0, LeafMath.Threshold(5, 2));
        Assert.AreEqual(-3.0, LeafMath.Threshold(-5, 2));
        Assert.AreEqual(0.0, LeafMath.Threshold(1.5, 2));
        Assert.AreEqual(-3.0 / 5, LeafMath.Value(5, 4, 2, 1), 1e-15);
        Assert.AreEqual(9.0 / 5, LeafMath.Score(5, 4, 2, 1), 1e-15);
        // (S(L) + S(R) - S(P)) / 2 with L = (4, 2), R = (-4, 2), P = (0, 4), lambda = 1.
        Assert.AreEqual(0.5 * ((16.0 / 3) + (16.0 / 3)), LeafMath.Gain(4, 2, -4, 2, 0, 0, 1), 1e-12);
    }

    [TestMethod]
    public void NumericSplitMatchesHandComputedGain()
    {
        // x = 1..6, g = [2, 1, 2, -1, -2, -2], h = 1: best cut between 3 and 4.
        var x = new NumericColumn("x", [1, 2, 3, 4, 5, 6]);
        float[] g = [2, 1, 2, -1, -2, -2];
        var split = Best(x, g, [1, 1, 1, 1, 1, 1], Parameters())!;
        Assert.AreEqual(2, split.ThresholdBin);
        var expected = 0.5 * ((25.0 / 4) + (25.0 / 4) - 0);
        Assert.AreEqual(expected, split.Gain, 1e-12);
        Assert.AreEqual(new NodeStats(5, 3, 3), split.Left);
        Assert.AreEqual(new NodeStats(-5, 3, 3), split.Right);
        Assert.IsTrue(split.DefaultLeft, "no missing values: missing goes with the larger child (left on a tie)");
    }

    [TestMethod]
    public void ConstraintsAndMinGainRefuseSplits()
    {
        var x = new NumericColumn("x", [1, 2, 3, 4, 5, 6]);
        float[] g = [2, 1, 2, -1, -2, -2];
        float[] h = [1, 1, 1, 1, 1, 1];
        Assert.IsNull(Best(x, g, h, Parameters(minChild: 4)));
        Assert.IsNull(Best(x, g, h, Parameters(minGain: 6.3)));
        Assert.IsNotNull(Best(x, g, h, Parameters(minGain: 6.2)));
        // L1 = 5 removes every |G| <= 5 from the score: no split gains anything.
        Assert.IsNull(Best(x, g, h, Parameters(l1: 5)));
    }

    [TestMethod]
    public void MissingValuesLearnTheirDirection()
    {
        // NaN rows have negative gradients like the large values, so they should go right with them.
        var x = new NumericColumn("x", [1, 2, 3, 4, 5, 6, float.NaN, float.NaN]);
        float[] g = [2, 2, 2, -2, -2, -2, -2, -2];
        float[] h = [1, 1, 1, 1, 1, 1, 1, 1];
        var split = Best(x, g, h, Parameters())!;
        Assert.IsFalse(split.DefaultLeft);
        Assert.AreEqual(new NodeStats(6, 3, 3), split.Left);

        float[] flipped = [-2, -2, -2, 2, 2, 2, -2, -2];
        split = Best(x, flipped, h, Parameters())!;
        Assert.IsTrue(split.DefaultLeft);
        Assert.AreEqual(new NodeStats(-10, 5, 5), split.Left);
    }

    [TestMethod]
    public void CategoricalSplitGroupsCategoriesByGradient()
    {
        // Six categories (more than MaxCatToOneHot): u, w, y pull one way, v, x, z the other.
        string[] names = ["u", "v", "w", "x", "y", "z"];
        var values = new List<string?>();
        var g = new List<float>();
        for (var rep = 0; rep < 5; rep++)
        {
            for (var c = 0; c < names.Length; c++)
            {
                values.Add(names[c]);
                g.Add(c % 2 == 0 ? 1.5f + (0.1f * c) : -1.5f - (0.1f * c));
            }
        }
        var column = CategoricalColumn.FromValues("c", values);
        var split = Best(column, [.. g], [.. g.Select(_ => 1f)], Parameters())!;
        Assert.IsTrue(split.IsCategorical);
        var left = Enumerable.Range(0, 6).Where(b => split.GoesLeft(b, 7)).Select(b => names[b]).ToHashSet();
        Assert.IsTrue(left.SetEquals(["u", "w", "y"]) || left.SetEquals(["v", "x", "z"]), string.Join(",", left));
        Assert.IsFalse(split.GoesLeft(6, 7), "the 'other' bin (unseen categories) goes right");
    }
}
