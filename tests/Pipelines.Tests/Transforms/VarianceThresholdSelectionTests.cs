using Pipelines.Data;
using Pipelines.Transforms.Selection;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class VarianceThresholdSelectionTests
{
    // Population variances over present values: a = 1.25, b = 0 (constant, NaN ignored), c = 2/9, gone = NaN.
    private static DataFrame Frame() => new(
    [
        new NumericColumn("a", [1, 2, 3, 4]),
        new NumericColumn("b", [5, 5, 5, float.NaN]),
        new NumericColumn("c", [0, 0, 1, float.NaN]),
        new NumericColumn("gone", [float.NaN, float.NaN, float.NaN, float.NaN]),
        new TextColumn("note", ["w", "x", "y", "z"]),
    ]);

    [TestMethod]
    public void DefaultDropsConstantAndEmptyColumns()
    {
        var model = new VarianceThreshold().Fit(Frame());
        CollectionAssert.AreEqual(new[] { 1.25, 0, 2.0 / 9, double.NaN }, model.Scores.ToArray(), new DoubleComparer(1e-12));
        CollectionAssert.AreEqual(new[] { "a", "c" }, model.Kept.ToArray());
        var output = model.Transform(Frame());
        CollectionAssert.AreEqual(new[] { "a", "c", "note" }, output.Names.ToArray());
        Assert.IsTrue(float.IsNaN(output.Numeric("c")[3]), "missing values pass through");
    }

    [TestMethod]
    public void ThresholdIsInclusive()
    {
        CollectionAssert.AreEqual(new[] { "a" }, new VarianceThreshold(0.25).Fit(Frame()).Kept.ToArray());
        Assert.AreEqual(0, new VarianceThreshold(1.25).Fit(Frame()).Kept.Count);
        Assert.ThrowsExactly<ArgumentException>(() => new VarianceThreshold(-1).Fit(Frame()));
    }

    [TestMethod]
    public void EstimatorSchemaIsPartialWithoutTheCandidates()
    {
        var schema = new VarianceThreshold().GetOutputSchema(Frame().Schema);
        Assert.IsFalse(schema.IsExact);
        CollectionAssert.AreEqual(new[] { "note" }, schema.Columns.Select(c => c.Name).ToArray());
    }
}
