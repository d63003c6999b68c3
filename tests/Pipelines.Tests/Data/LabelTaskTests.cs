using Pipelines.Data;

namespace Pipelines.Tests.Data;

[TestClass]
public sealed class LabelTaskTests
{
    private static DataFrame WithLabel(params float[] values) => new([new NumericColumn("y", values)], label: "y");

    [TestMethod]
    public void WholeNumbersWithFewValuesAreClasses()
    {
        Assert.AreEqual(PredictionTask.BinaryClassification, LabelTask.Detect(WithLabel(0, 1, 1, float.NaN)));
        Assert.AreEqual(PredictionTask.MulticlassClassification, LabelTask.Detect(WithLabel(1, 2, 3, 5)));
        Assert.AreEqual(PredictionTask.Regression, LabelTask.Detect(WithLabel(0.5f, 1, 2)));
        Assert.AreEqual(PredictionTask.Regression, LabelTask.Detect(WithLabel([.. Enumerable.Range(0, 21).Select(i => (float)i)])));
    }

    [TestMethod]
    public void ClassLabelKeepsNumericOrderAndMissing()
    {
        var label = (CategoricalColumn)LabelTask.WithClassLabel(WithLabel(10, 2, float.NaN, 2)).Label!;
        CollectionAssert.AreEqual(new[] { "2", "10" }, label.Categories.ToArray());
        CollectionAssert.AreEqual(new[] { 1, 0, -1, 0 }, label.Codes.ToArray());
    }

    [TestMethod]
    public void NoLabelIsAClearError() =>
        Assert.ThrowsExactly<Pipelines.Errors.SchemaException>(() => LabelTask.Detect(new DataFrame([new NumericColumn("a", [1])])));
}
