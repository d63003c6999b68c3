using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class MinMaxNormalizeTests
{
    [TestMethod]
    public void MapsTrainingRangeToUnitIntervalAndKeepsNaN()
    {
        var frame = new DataFrame([new NumericColumn("a", [2, float.NaN, 4, 6])]);
        var model = new MinMaxNormalize().Fit(frame);
        Assert.AreEqual(2f, model.Offsets[0]);
        Assert.AreEqual(0.25f, model.Scales[0]);
        CollectionAssert.AreEqual(new[] { 0f, float.NaN, 0.5f, 1f }, model.Transform(frame).Numeric("a").ToArray(), new FloatComparer(1e-6f));
    }

    [TestMethod]
    public void ValuesOutsideTheTrainingRangeAreNotClipped()
    {
        var train = new DataFrame([new NumericColumn("a", [0, 10])]);
        var test = new DataFrame([new NumericColumn("a", [-5, 20])]);
        CollectionAssert.AreEqual(new[] { -0.5f, 2f }, new MinMaxNormalize().Fit(train).Transform(test).Numeric("a").ToArray(), new FloatComparer(1e-6f));
    }

    [TestMethod]
    public void ConstantColumnMapsToZeroAndAllMissingPassesThrough()
    {
        var frame = new DataFrame([new NumericColumn("c", [3, 3, 3]), new NumericColumn("m", [float.NaN, float.NaN, float.NaN])]);
        var model = new MinMaxNormalize().Fit(frame);
        CollectionAssert.AreEqual(new[] { 3f, 0f }, model.Offsets.ToArray());
        CollectionAssert.AreEqual(new[] { 1f, 1f }, model.Scales.ToArray());
        var result = model.Transform(frame);
        CollectionAssert.AreEqual(new[] { 0f, 0f, 0f }, result.Numeric("c").ToArray());
        Assert.IsTrue(result.Numeric("m").ToArray().All(float.IsNaN));
    }

    [TestMethod]
    public void OnlyTheNamedColumnsChange()
    {
        var frame = new DataFrame([new NumericColumn("a", [0, 4]), new NumericColumn("b", [0, 4])]);
        var result = new MinMaxNormalize(["b"]).Fit(frame).Transform(frame);
        CollectionAssert.AreEqual(new[] { 0f, 4f }, result.Numeric("a").ToArray());
        CollectionAssert.AreEqual(new[] { 0f, 1f }, result.Numeric("b").ToArray());
    }

    [TestMethod]
    public void MissingColumnAtTransformIsNamed()
    {
        var model = new MinMaxNormalize().Fit(new DataFrame([new NumericColumn("a", [0, 4])]));
        var error = Assert.ThrowsExactly<SchemaException>(() => model.Transform(new DataFrame([new NumericColumn("b", [1])])));
        StringAssert.Contains(error.Message, "'a'");
    }
}
