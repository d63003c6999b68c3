using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class DropConstantColumnsTests
{
    private static DataFrame Frame() => new(
        [
            new NumericColumn("a", [1, 1, 1, 1]),
            new NumericColumn("b", [float.NaN, float.NaN, float.NaN, float.NaN]),
            new NumericColumn("c", [2, float.NaN, 2, 2]),
            new NumericColumn("d", [1, 2, 1, 1]),
            new CategoricalColumn("e", [0, 0, 0, 0], ["u", "unused"]),
            new TextColumn("f", ["t", "t", "t", "s"]),
            new NumericColumn("z", [0, -0f, 0, -0f]),
            CategoricalColumn.FromValues("y", ["k", "k", "k", "k"]),
        ],
        label: "y");

    [TestMethod]
    public void DropsConstantAllMissingAndOneValueWithMissing()
    {
        var data = Frame();
        var model = new DropConstantColumns().Fit(data);
        CollectionAssert.AreEqual(new[] { "a", "b", "c", "e", "z" }, model.Columns.ToArray());
        var output = model.Transform(data);
        CollectionAssert.AreEqual(new[] { "d", "f", "y" }, output.Names.ToArray());
        Assert.AreEqual("y", output.LabelName, "the constant label is never dropped");
        Assert.AreEqual(output.Schema, model.GetOutputSchema(data.Schema));
    }

    [TestMethod]
    public void NearConstantShareDropsDominatedColumns()
    {
        // d and f have a value on 3 of 4 rows: share 0.75.
        var data = Frame();
        CollectionAssert.AreEqual(new[] { "a", "b", "c", "d", "e", "f", "z" }, new DropConstantColumns(0.75).Fit(data).Columns.ToArray());
        CollectionAssert.AreEqual(new[] { "a", "b", "c", "e", "z" }, new DropConstantColumns(0.8).Fit(data).Columns.ToArray());
    }

    [TestMethod]
    public void MissingCountsAsOneValueForTheShare()
    {
        // 3 of 5 missing (share 0.6), two distinct values otherwise.
        var data = new DataFrame([new NumericColumn("m", [float.NaN, 1, float.NaN, 2, float.NaN]), new NumericColumn("k", [1, 2, 3, 4, 5])]);
        CollectionAssert.AreEqual(Array.Empty<string>(), new DropConstantColumns().Fit(data).Columns.ToArray());
        CollectionAssert.AreEqual(new[] { "m" }, new DropConstantColumns(0.6).Fit(data).Columns.ToArray());
    }

    [TestMethod]
    public void OnlyTheNamedColumnsAreConsidered()
    {
        var data = Frame();
        var estimator = new DropConstantColumns(Columns: ["a", "d"]);
        CollectionAssert.AreEqual(new[] { "a" }, estimator.Fit(data).Columns.ToArray());
        var predicted = estimator.GetOutputSchema(data.Schema);
        Assert.IsFalse(predicted.IsExact);
        CollectionAssert.AreEqual(new[] { "b", "c", "e", "f", "z", "y" }, predicted.Columns.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void DroppingEveryColumnIsRefused()
    {
        var data = new DataFrame([new NumericColumn("a", [1, 1]), new TextColumn("t", ["x", "x"])]);
        var error = Assert.ThrowsExactly<DataValueException>(() => new DropConstantColumns().Fit(data));
        StringAssert.Contains(error.Message, "'a'");
    }

    [TestMethod]
    public void BadShareIsRefusedAtFit()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new DropConstantColumns(0).Fit(Frame()));
        Assert.ThrowsExactly<ArgumentException>(() => new DropConstantColumns(1.5).Fit(Frame()));
        Assert.ThrowsExactly<ArgumentException>(() => new DropConstantColumns(double.NaN).Fit(Frame()));
    }

    [TestMethod]
    public void MissingDroppedColumnAtTransformIsNamed()
    {
        var model = new DropConstantColumns().Fit(Frame());
        var error = Assert.ThrowsExactly<SchemaException>(() => model.Transform(Frame().Without("c")));
        StringAssert.Contains(error.Message, "'c'");
    }
}
