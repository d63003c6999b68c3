using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class DropColumnsTests
{
    private static DataFrame Frame() => new(
        [
            new TextColumn("customer_id", ["c1", "c2", "c3"]),
            new NumericColumn("tenure", [1, 2, 3]),
            CategoricalColumn.FromValues("plan", ["a", "b", "a"]),
            new TextColumn("notes", ["late", null, "ok"]),
            new NumericColumn("w", [1, 1, 2]),
            CategoricalColumn.FromValues("churned", ["no", "yes", "no"]),
        ],
        label: "churned",
        weight: "w");

    [TestMethod]
    public void Drops_the_named_columns_of_any_kind_and_keeps_the_rest_in_order()
    {
        var data = Frame();
        var estimator = new DropColumns("notes", "customer_id", "plan");
        var model = estimator.Fit(data);
        CollectionAssert.AreEqual(new[] { "notes", "customer_id", "plan" }, model.Columns.ToArray());
        var output = model.Transform(data);
        CollectionAssert.AreEqual(new[] { "tenure", "w", "churned" }, output.Names.ToArray());
        CollectionAssert.AreEqual(data.Numeric("tenure").ToArray(), output.Numeric("tenure").ToArray());
        Assert.AreEqual("churned", output.LabelName);
        Assert.AreEqual(output.Schema, estimator.GetOutputSchema(data.Schema));
        Assert.IsTrue(estimator.GetOutputSchema(data.Schema).IsExact);
    }

    [TestMethod]
    public void Repeated_names_count_once_and_no_names_drop_nothing()
    {
        var data = Frame();
        CollectionAssert.AreEqual(new[] { "notes" }, new DropColumns("notes", "notes").Columns.ToArray());
        var nothing = new DropColumns().Fit(data);
        Assert.IsEmpty(nothing.Columns);
        Assert.AreSame(data, nothing.Transform(data));
        CollectionAssert.AreEqual(new[] { "plan" }, new DropColumns(new List<string> { "plan" }).Fit(data).Columns.ToArray());
    }

    [TestMethod]
    public void A_missing_name_is_a_schema_error_listing_the_columns_present()
    {
        var error = Assert.ThrowsExactly<SchemaException>(() => new DropColumns("tenure", "customer").Fit(Frame()));
        StringAssert.Contains(error.Message, "DropColumns");
        StringAssert.Contains(error.Message, "'customer'");
        StringAssert.Contains(error.Message, "customer_id");
        StringAssert.Contains(error.Message, "notes");
        Assert.ThrowsExactly<SchemaException>(() => new DropColumns("customer").GetOutputSchema(Frame().Schema));
    }

    [TestMethod]
    public void The_label_and_the_weight_are_refused()
    {
        var label = Assert.ThrowsExactly<SchemaException>(() => new DropColumns("notes", "churned").Fit(Frame()));
        StringAssert.Contains(label.Message, "'churned' is the label");
        var weight = Assert.ThrowsExactly<SchemaException>(() => new DropColumns("w").GetOutputSchema(Frame().Schema));
        StringAssert.Contains(weight.Message, "'w' is the weight");
    }

    [TestMethod]
    public void The_fitted_step_expects_the_dropped_columns_at_transform_time()
    {
        var model = new DropColumns("notes").Fit(Frame());
        var error = Assert.ThrowsExactly<SchemaException>(() => model.Transform(Frame().Without("notes")));
        StringAssert.Contains(error.Message, "'notes'");
    }
}
