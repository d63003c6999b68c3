using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class ZScoreNormalizeTests
{
    [TestMethod]
    public void ScalesToZeroMeanUnitStdAndKeepsNaN()
    {
        var frame = new DataFrame([new NumericColumn("a", [1, 2, float.NaN, 3])]);
        var result = new ZScoreNormalize().Fit(frame).Transform(frame).Numeric("a").Values;
        var s = (float)Math.Sqrt(2.0 / 3.0); // population std of 1,2,3
        CollectionAssert.AreEqual(new[] { -1 / s, 0f, float.NaN, 1 / s }, result.ToArray(), new FloatComparer(1e-6f));
    }

    [TestMethod]
    public void ConstantColumnIsCenteredNotDividedByZero()
    {
        var frame = new DataFrame([new NumericColumn("a", [4, 4, 4])]);
        CollectionAssert.AreEqual(new[] { 0f, 0f, 0f }, new ZScoreNormalize().Fit(frame).Transform(frame).Numeric("a").ToArray());
    }

    [TestMethod]
    public void NamingTheLabelIsAClearError()
    {
        var frame = new DataFrame([new NumericColumn("a", [1, 2]), new NumericColumn("y", [0, 1])], label: "y");
        var error = Assert.ThrowsExactly<SchemaException>(() => new ZScoreNormalize(["y"]).Fit(frame));
        StringAssert.Contains(error.Message, "label");
    }
}
