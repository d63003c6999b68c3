using Pipelines.Data;
using Pipelines.Persistence;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class ClipOutliersTests
{
    [TestMethod]
    public void IqrBoundsAreTukeysFences()
    {
        // Sorted 1..8,100 (NaN skipped): Q1 at position 2 = 3, Q3 at position 6 = 7, IQR 4: bounds [3 - 6, 7 + 6] = [-3, 13].
        var frame = new DataFrame([new NumericColumn("a", [5, 1, 2, 3, float.NaN, 4, 6, 7, 8, 100])]);
        var model = new ClipOutliers().Fit(frame);
        Assert.AreEqual(-3f, model.Lower[0]);
        Assert.AreEqual(13f, model.Upper[0]);
        Assert.AreEqual(0, model.ClippedBelow[0]);
        Assert.AreEqual(1, model.ClippedAbove[0]);
        CollectionAssert.AreEqual(new[] { 5f, 1, 2, 3, float.NaN, 4, 6, 7, 8, 13 }, model.Transform(frame).Numeric("a").ToArray(), new FloatComparer(0));
    }

    [TestMethod]
    public void IqrClipsBothSidesWithInterpolatedQuartiles()
    {
        // Sorted -20,0,1,2,3,4,30: Q1 at position 1.5 = 0.5, Q3 at 4.5 = 3.5, IQR 3; k = 2: [0.5 - 6, 3.5 + 6] = [-5.5, 9.5].
        var frame = new DataFrame([new NumericColumn("a", [-20, 0, 1, 2, 3, 4, 30])]);
        var model = new ClipOutliers(IqrMultiplier: 2).Fit(frame);
        Assert.AreEqual(-5.5f, model.Lower[0]);
        Assert.AreEqual(9.5f, model.Upper[0]);
        Assert.AreEqual(1, model.ClippedBelow[0]);
        Assert.AreEqual(1, model.ClippedAbove[0]);
        CollectionAssert.AreEqual(new[] { -5.5f, 0, 1, 2, 3, 4, 9.5f }, model.Transform(frame).Numeric("a").ToArray());
    }

    [TestMethod]
    public void QuantileBoundsWinsorize()
    {
        // 0..100: Q(0.05) = 5, Q(0.95) = 95; five values on each side are clipped.
        var frame = new DataFrame([new NumericColumn("a", [.. Enumerable.Range(0, 101).Select(i => (float)i)])]);
        var model = new ClipOutliers(ClipMethod.Quantile, LowerQuantile: 0.05, UpperQuantile: 0.95).Fit(frame);
        Assert.AreEqual(5f, model.Lower[0]);
        Assert.AreEqual(95f, model.Upper[0]);
        Assert.AreEqual(5, model.ClippedBelow[0]);
        Assert.AreEqual(5, model.ClippedAbove[0]);
        var test = new DataFrame([new NumericColumn("a", [-1000, 50, 1000, float.NaN])]);
        CollectionAssert.AreEqual(new[] { 5f, 50, 95, float.NaN }, model.Transform(test).Numeric("a").ToArray(), new FloatComparer(0));
    }

    [TestMethod]
    public void AllMissingColumnIsNeverClippedAndSurvivesSaveLoad()
    {
        var frame = new DataFrame([new NumericColumn("m", [float.NaN, float.NaN]), new NumericColumn("a", [1, 2])]);
        var model = new ClipOutliers().Fit(frame);
        Assert.AreEqual(float.NegativeInfinity, model.Lower[0]);
        Assert.AreEqual(float.PositiveInfinity, model.Upper[0]);
        var path = Path.Combine(Path.GetTempPath(), $"clip-{Guid.NewGuid():N}.model");
        try
        {
            PipelineFile.Save(path, model, frame.Schema);
            var loaded = (ValueClipper)PipelineFile.Load(path).Model;
            CollectionAssert.AreEqual(model.Lower.ToArray(), loaded.Lower.ToArray());
            CollectionAssert.AreEqual(model.Upper.ToArray(), loaded.Upper.ToArray());
            CollectionAssert.AreEqual(model.ClippedAbove.ToArray(), loaded.ClippedAbove.ToArray());
            var test = new DataFrame([new NumericColumn("m", [1e30f, float.NaN]), new NumericColumn("a", [0, 3])]);
            var result = loaded.Transform(test);
            CollectionAssert.AreEqual(new[] { 1e30f, float.NaN }, result.Numeric("m").ToArray(), new FloatComparer(0));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void BadOptionsAreRefusedAtFit()
    {
        var frame = new DataFrame([new NumericColumn("a", [1, 2])]);
        Assert.ThrowsExactly<ArgumentException>(() => new ClipOutliers(IqrMultiplier: -1).Fit(frame));
        Assert.ThrowsExactly<ArgumentException>(() => new ClipOutliers(IqrMultiplier: double.PositiveInfinity).Fit(frame));
        Assert.ThrowsExactly<ArgumentException>(() => new ClipOutliers(ClipMethod.Quantile, LowerQuantile: 0.9, UpperQuantile: 0.1).Fit(frame));
        Assert.ThrowsExactly<ArgumentException>(() => new ClipOutliers((ClipMethod)7).Fit(frame));
    }

    [TestMethod]
    public void InputIsLeftAlone()
    {
        float[] values = [1, 2, 3, 4, 1000];
        var frame = new DataFrame([new NumericColumn("a", values)]);
        new ClipOutliers().Fit(frame).Transform(frame);
        CollectionAssert.AreEqual(new[] { 1f, 2, 3, 4, 1000 }, values);
    }
}
