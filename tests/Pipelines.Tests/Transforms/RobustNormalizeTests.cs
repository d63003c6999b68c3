using Pipelines.Data;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class RobustNormalizeTests
{
    [TestMethod]
    public void CentersOnMedianAndScalesByIqr()
    {
        // Sorted 1,2,3,4,100: median 3; Q1 at position 1 = 2, Q3 at position 3 = 4; IQR 2.
        var frame = new DataFrame([new NumericColumn("a", [4, 1, float.NaN, 100, 3, 2])]);
        var model = new RobustNormalize().Fit(frame);
        Assert.AreEqual(3f, model.Offsets[0]);
        Assert.AreEqual(0.5f, model.Scales[0]);
        CollectionAssert.AreEqual(new[] { 0.5f, -1f, float.NaN, 48.5f, 0f, -0.5f }, model.Transform(frame).Numeric("a").ToArray(), new FloatComparer(1e-6f));
    }

    [TestMethod]
    public void CustomQuantilesInterpolate()
    {
        // 0..10: Q(0.1) = 1, Q(0.9) = 9, median 5: scale 1/8.
        var frame = new DataFrame([new NumericColumn("a", [.. Enumerable.Range(0, 11).Select(i => (float)i)])]);
        var model = new RobustNormalize(0.1, 0.9).Fit(frame);
        Assert.AreEqual(5f, model.Offsets[0]);
        Assert.AreEqual(0.125f, model.Scales[0]);
    }

    [TestMethod]
    public void ZeroIqrGivesScaleOne()
    {
        // Mostly 7: Q1 = Q3 = 7, so the IQR is 0 although the column is not constant.
        var frame = new DataFrame([new NumericColumn("a", [7, 7, 7, 7, 7, 7, 7, 50])]);
        var model = new RobustNormalize().Fit(frame);
        Assert.AreEqual(7f, model.Offsets[0]);
        Assert.AreEqual(1f, model.Scales[0]);
        CollectionAssert.AreEqual(new[] { 0f, 0f, 0f, 0f, 0f, 0f, 0f, 43f }, model.Transform(frame).Numeric("a").ToArray());
    }

    [TestMethod]
    public void AllMissingColumnPassesThrough()
    {
        var frame = new DataFrame([new NumericColumn("a", [float.NaN, float.NaN])]);
        var model = new RobustNormalize().Fit(frame);
        Assert.AreEqual(0f, model.Offsets[0]);
        Assert.AreEqual(1f, model.Scales[0]);
    }

    [TestMethod]
    public void BadQuantilesAreRefusedAtFit()
    {
        var frame = new DataFrame([new NumericColumn("a", [1, 2])]);
        var error = Assert.ThrowsExactly<ArgumentException>(() => new RobustNormalize(0.8, 0.2).Fit(frame));
        StringAssert.Contains(error.Message, "UpperQuantile");
        Assert.ThrowsExactly<ArgumentException>(() => new RobustNormalize(-0.1, 0.5).Fit(frame));
        Assert.ThrowsExactly<ArgumentException>(() => new RobustNormalize(double.NaN, 0.5).Fit(frame));
    }
}
