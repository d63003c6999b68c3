using Pipelines.AutoML.Reporting;
using Pipelines.Data;

namespace Pipelines.AutoML.Tests.Reporting;

[TestClass]
public sealed class SyntheticComparisonTests
{
    [TestMethod]
    public void Numeric_columns_share_bins_spanning_both_sides()
    {
        var real = new DataFrame([new NumericColumn("x", [0, 1, 2, 3, float.NaN])]);
        var synthetic = new DataFrame([new NumericColumn("x", [2, 4, 4])]);
        var d = SyntheticComparison.Compute(real, synthetic, bins: 4).Numeric.Single();
        CollectionAssert.AreEqual(new[] { 0.0, 1, 2, 3, 4 }, d.BinEdges.ToArray());
        CollectionAssert.AreEqual(new long[] { 1, 1, 1, 1 }, d.Real.ToArray(), "NaN is not counted");
        CollectionAssert.AreEqual(new long[] { 0, 0, 1, 2 }, d.Synthetic.ToArray(), "the maximum falls in the last bin");
    }

    [TestMethod]
    public void Constant_and_empty_columns_still_get_valid_bins()
    {
        var real = new DataFrame([new NumericColumn("c", [5, 5]), new NumericColumn("m", [float.NaN, float.NaN])]);
        var result = SyntheticComparison.Compute(real, real, bins: 3);
        var constant = result.Numeric[0];
        Assert.IsLessThan(5, constant.BinEdges[0]);
        Assert.IsGreaterThan(5, constant.BinEdges[^1]);
        Assert.AreEqual(2, constant.Real.Sum());
        Assert.AreEqual(0, result.Numeric[1].Real.Sum());
    }

    [TestMethod]
    public void Categories_match_by_name_and_the_rare_ones_are_gathered()
    {
        var real = new DataFrame([CategoricalColumn.FromValues("c", ["a", "a", "a", "b", "b", "c", "d", null]), new NumericColumn("w", [1, 1, 1, 1, 1, 1, 1, 1])], weight: "w");
        var synthetic = new DataFrame([CategoricalColumn.FromValues("c", ["e", "b", "a", "a"]), new NumericColumn("w", [1, 1, 1, 1])], weight: "w");
        var result = SyntheticComparison.Compute(real, synthetic, maxCategories: 2);
        Assert.IsEmpty(result.Numeric, "the weight column is not compared");
        var d = result.Categorical.Single();
        CollectionAssert.AreEqual(new[] { "a", "b", SyntheticComparison.OtherCategory }, d.Categories.ToArray());
        CollectionAssert.AreEqual(new long[] { 3, 2, 2 }, d.Real.ToArray());
        CollectionAssert.AreEqual(new long[] { 2, 1, 1 }, d.Synthetic.ToArray(), "a category only the synthetic side has goes to (other)");
        Assert.AreEqual(8, result.RealRows);
        Assert.AreEqual(4, result.SyntheticRows);
    }

    [TestMethod]
    public void Columns_of_different_kinds_or_missing_on_one_side_are_skipped()
    {
        var real = new DataFrame([new NumericColumn("x", [1, 2]), new NumericColumn("only_real", [1, 2])]);
        var synthetic = new DataFrame([CategoricalColumn.FromValues("x", ["1", "2"])]);
        var result = SyntheticComparison.Compute(real, synthetic);
        Assert.IsEmpty(result.Numeric);
        Assert.IsEmpty(result.Categorical);
        Assert.ThrowsExactly<ArgumentException>(() => SyntheticComparison.Compute(real, synthetic, bins: 0));
    }
}
