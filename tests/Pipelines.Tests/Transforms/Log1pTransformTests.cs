using Pipelines.Data;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class Log1pTransformTests
{
    [TestMethod]
    public void SignedLogHandlesNegativesZeroAndNaN()
    {
        var e1 = (float)(Math.E - 1);
        var frame = new DataFrame([new NumericColumn("a", [e1, -e1, 0, 3, -3, float.NaN, float.PositiveInfinity])]);
        var result = new Log1pTransform().Fit(frame).Transform(frame).Numeric("a").ToArray();
        var ln4 = (float)Math.Log(4);
        CollectionAssert.AreEqual(new[] { 1f, -1f, 0f, ln4, -ln4, float.NaN, float.PositiveInfinity }, result, new FloatComparer(1e-6f));
    }

    [TestMethod]
    public void TinyValuesKeepFullPrecision()
    {
        // ln(1 + x) = x - x^2/2 + ...: for 1e-10 the result is 1e-10 to far better than float precision.
        foreach (var x in new[] { 1e-10f, -3e-9f, 1e-30f, float.Epsilon })
        {
            var y = SignedLog1p.Apply(x);
            Assert.AreEqual(x, y, Math.Abs(x) * 1e-7f, $"x = {x}");
        }
        Assert.AreEqual((float)Math.Log(1.5), SignedLog1p.Apply(0.5f));
    }

    [TestMethod]
    public void NegativeZeroKeepsItsSign()
    {
        var frame = new DataFrame([new NumericColumn("a", [-0f, 0f])]);
        var result = new Log1pTransform().Fit(frame).Transform(frame).Numeric("a").ToArray();
        Assert.IsTrue(float.IsNegative(result[0]) && result[0] == 0);
        Assert.IsFalse(float.IsNegative(result[1]));
    }

    [TestMethod]
    public void FittedStateIsTheColumnsAndOthersAreUntouched()
    {
        var frame = new DataFrame([new NumericColumn("a", [1]), new NumericColumn("b", [1]), CategoricalColumn.FromValues("c", ["x"])]);
        var model = new Log1pTransform().Fit(frame);
        CollectionAssert.AreEqual(new[] { "a", "b" }, model.Columns.ToArray());
        var only = new Log1pTransform(["b"]).Fit(frame).Transform(frame);
        Assert.AreEqual(1f, only.Numeric("a")[0]);
        Assert.AreEqual((float)Math.Log(2), only.Numeric("b")[0], 1e-6f);
    }
}
