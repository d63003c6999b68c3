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
        var (narrowed, task) = LabelTask.Read(fold, TaskChoice.Auto);
        var label = (CategoricalColumn)narrowed.Label!;
        CollectionAssert.AreEqual(new[] { "a", "c" }, label.Categories.ToArray(), "a run decides its classes from its rows");
        CollectionAssert.AreEqual(new[] { 0, 1, 1, 0 }, label.Codes.ToArray());
        Assert.AreEqual(PredictionTask.BinaryClassification, task);
        Assert.AreSame(narrowed, LabelTask.Read(narrowed, TaskChoice.Auto).Frame, "every category present: the frame as it is");
    }

    [TestMethod]
    public void A_run_asked_for_regression_keeps_whole_numbers_as_values_and_one_asked_for_classes_makes_them_classes()
    {
        var ratings = WithLabel(3, 5, 4, 5, float.NaN);
        Assert.AreEqual(PredictionTask.MulticlassClassification, LabelTask.Read(ratings, TaskChoice.Auto).Task);
        var (values, task) = LabelTask.Read(ratings, TaskChoice.Regression);
        Assert.AreEqual(PredictionTask.Regression, task);
        Assert.AreSame(ratings, values, "the label's values as they are");

        var codes = WithLabel([.. Enumerable.Range(0, 30).Select(i => (float)(i % 25))]);
        Assert.AreEqual(PredictionTask.Regression, LabelTask.Read(codes, TaskChoice.Auto).Task, "25 whole numbers read as values");
        var (classes, classTask) = LabelTask.Read(codes, TaskChoice.Classification);
        Assert.AreEqual(PredictionTask.MulticlassClassification, classTask);
        Assert.HasCount(25, ((CategoricalColumn)classes.Label!).Categories);

        var fractions = Assert.ThrowsExactly<Pipelines.Errors.SchemaException>(() => LabelTask.Read(WithLabel(1, 2.5f), TaskChoice.Classification));
        StringAssert.Contains(fractions.Message, "holds numbers with fractions (such as 2.5)");
        var names = new DataFrame([CategoricalColumn.FromValues("y", ["a", "b"])], label: "y");
        var categorical = Assert.ThrowsExactly<Pipelines.Errors.SchemaException>(() => LabelTask.Read(names, TaskChoice.Regression));
        StringAssert.Contains(categorical.Message, "is categorical; regression needs numbers");
    }

    [TestMethod]
    public void NoLabelIsAClearError() =>
        Assert.ThrowsExactly<Pipelines.Errors.SchemaException>(() => LabelTask.Detect(new DataFrame([new NumericColumn("a", [1])])));
}
