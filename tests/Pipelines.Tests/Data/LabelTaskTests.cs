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
    public void A_categorical_labels_classes_are_its_categories_whether_its_rows_hold_them_or_not()
    {
        // A fold that lacks the rare 'b' still asks for a model of three classes, as the other folds do.
        var fold = new DataFrame([new CategoricalColumn("y", [0, 2, 2, 0], ["a", "b", "c"])], label: "y");
        Assert.AreEqual(PredictionTask.MulticlassClassification, LabelTask.Detect(fold));
        var narrowed = LabelTask.WithPresentClasses(fold);
        var label = (CategoricalColumn)narrowed.Label!;
        CollectionAssert.AreEqual(new[] { "a", "c" }, label.Categories.ToArray());
        CollectionAssert.AreEqual(new[] { 0, 1, 1, 0 }, label.Codes.ToArray());
        Assert.AreEqual(PredictionTask.BinaryClassification, LabelTask.Detect(narrowed));
        Assert.AreSame(narrowed, LabelTask.WithPresentClasses(narrowed), "every category present: the frame as it is");
    }

    [TestMethod]
    public void NoLabelIsAClearError() =>
        Assert.ThrowsExactly<Pipelines.Errors.SchemaException>(() => LabelTask.Detect(new DataFrame([new NumericColumn("a", [1])])));
}
