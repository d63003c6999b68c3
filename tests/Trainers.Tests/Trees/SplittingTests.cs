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

    private static SplitParameters Parameters(double l1 = 0, double l2 = 1, int minChild = 1, double minGain = 0, double catSmooth = 10, double catL2 = 0, int perGroup = 1) =>
        new(l1, l2, minChild, 0, minGain, 32, catSmooth, catL2, perGroup);

    /// <summary>
    /// The best split of a categorical column of <paramref name="counts"/> rows per category (named a, b, ...), each
    /// row's gradient its category's and its hessian 1, with the names of the categories it sends left.
    /// </summary>
    private static (SplitInfo? Split, string Left) BestOfCategories(int[] counts, float[] gradients, SplitParameters parameters)
    {
        var values = counts.SelectMany((n, c) => Enumerable.Repeat<string?>(((char)('a' + c)).ToString(), n)).ToArray();
        float[] g = [.. counts.SelectMany((n, c) => Enumerable.Repeat(gradients[c], n))];
        var column = CategoricalColumn.FromValues("c", values);
        var split = Best(column, g, [.. g.Select(_ => 1f)], parameters);
        // Bins follow the binner's order of categories, not the names'.
        var names = Binner.Fit([column], 255, 1000, 0, Serial)[0].Categories;
        var left = split is null ? "" : string.Concat(names.Where((_, b) => split.GoesLeft(b, names.Length + 1)).Order(StringComparer.Ordinal));
        return (split, left);
    }

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
        for (var rep = 0; rep < 10; rep++)
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

    [TestMethod]
    public void A_category_of_fewer_rows_than_cat_smooth_is_never_grouped_left()
    {
        // 'a' (5 rows) pulls hardest, with 'b', but only categories of at least CatSmooth rows are ordered: it goes
        // right, with the categories of the other side. With CatSmooth 5 it joins 'b' on the left.
        int[] counts = [5, 40, 40, 40, 40, 40];
        float[] g = [-4, -2, 2, 2, 2, 2];
        Assert.AreEqual("b", BestOfCategories(counts, g, Parameters()).Left);
        Assert.AreEqual("ab", BestOfCategories(counts, g, Parameters(catSmooth: 5)).Left);
    }

    [TestMethod]
    public void A_grouped_split_tries_a_left_set_per_min_data_per_group_rows_and_leaves_as_many_right()
    {
        // 'a' alone (30 rows) is the best left set without a group size; with 100 rows per group the left set grows
        // to a, b, c (130 rows) before it is tried, and none that would leave fewer than 100 rows right is tried.
        int[] counts = [30, 50, 50, 100, 100, 100];
        float[] g = [-3, 0.5f, 0.5f, 1, 1.1f, 1.2f];
        Assert.AreEqual("a", BestOfCategories(counts, g, Parameters()).Left);
        var (grouped, left) = BestOfCategories(counts, g, Parameters(perGroup: 100));
        Assert.AreEqual("abc", left);
        Assert.IsGreaterThanOrEqualTo(100, grouped!.Right.Count);
    }

    [TestMethod]
    public void A_grouped_split_scores_its_children_with_cat_l2_and_a_one_hot_split_without()
    {
        // Five categories pull one way, 'f' the other (parent G = 0): (S(L) + S(R)) / 2 with the children's lambda 1 + 10.
        var (split, left) = BestOfCategories([20, 20, 20, 20, 20, 20], [-1, -1, -1, -1, -1, 5], Parameters(catL2: 10));
        Assert.AreEqual("f", left);
        Assert.AreEqual(0.5 * ((100.0 * 100 / (20 + 11)) + (100.0 * 100 / (100 + 11))), split!.Gain, 1e-9);
        // Four categories (at most MaxCatToOneHot): each alone against the rest, with lambda 1.
        (split, left) = BestOfCategories([20, 20, 20, 20], [-1, -1, -1, 3], Parameters(catL2: 10));
        Assert.AreEqual("d", left);
        Assert.AreEqual(0.5 * ((60.0 * 60 / (20 + 1)) + (60.0 * 60 / (60 + 1))), split!.Gain, 1e-9);
    }
}
