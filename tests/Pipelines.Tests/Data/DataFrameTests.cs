using Pipelines.Data;
using Pipelines.Errors;

namespace Pipelines.Tests.Data;

[TestClass]
public sealed class DataFrameTests
{
    private static DataFrame Sample() => new(
        [
            new NumericColumn("a", [1, 2, float.NaN]),
            CategoricalColumn.FromValues("c", ["x", null, "y"]),
            new TextColumn("t", ["p", "q", null]),
            CategoricalColumn.FromValues("y", ["no", "yes", "no"]),
        ],
        label: "y");

    [TestMethod]
    public void A_column_schema_equals_another_only_where_every_property_does()
    {
        // ColumnSchema's equality is written by hand (its categories compare by value): each property must take part.
        var plain = new ColumnSchema("c", ColumnKind.Categorical);
        ColumnSchema[] changed =
        [
            plain with { Name = "d" }, plain with { Kind = ColumnKind.Numeric }, plain with { Role = ColumnRole.Label },
            plain with { DateOrder = DateOrder.DayFirst }, plain with { Unit = "CC" }, plain with { PointsGroupThousands = true },
            plain with { Magnitudes = true }, plain with { NACode = true }, plain with { Categories = ["x"] },
        ];
        var properties = typeof(ColumnSchema).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).ToArray();
        CollectionAssert.AreEquivalent(properties, changed.Select(c => properties.Single(p => !Equals(typeof(ColumnSchema).GetProperty(p)!.GetValue(c), typeof(ColumnSchema).GetProperty(p)!.GetValue(plain)))).ToArray(),
            "one changed schema per property: a new property needs one here and a place in ColumnSchema.Equals");
        foreach (var c in changed) Assert.AreNotEqual(plain, c, c.ToString());
        Assert.AreEqual(plain with { Categories = ["x", "y"] }, plain with { Categories = new List<string> { "x", "y" } });
    }

    [TestMethod]
    public void SchemaListsColumnsKindsAndRoles()
    {
        var schema = Sample().Schema;
        Assert.AreEqual(new ColumnSchema("a", ColumnKind.Numeric), schema[0]);
        Assert.AreEqual(new ColumnSchema("y", ColumnKind.Categorical, ColumnRole.Label), schema.Label);
        CollectionAssert.AreEqual(new[] { "a", "c", "t" }, schema.Features.Select(f => f.Name).ToArray());
    }

    [TestMethod]
    public void MissingValuesAreCountedPerKind()
    {
        var frame = Sample();
        Assert.AreEqual(1, frame["a"].MissingCount());
        Assert.AreEqual(1, frame["c"].MissingCount());
        Assert.AreEqual(1, frame["t"].MissingCount());
        Assert.IsNull(frame["c"].FormatValue(1));
        Assert.AreEqual("2", frame["a"].FormatValue(1));
    }

    [TestMethod]
    public void TakeRepeatsAndReordersRows()
    {
        var taken = Sample().Take([2, 0, 0]);
        CollectionAssert.AreEqual(new[] { float.NaN, 1f, 1f }, taken.Numeric("a").ToArray());
        Assert.AreEqual("y", taken.Categorical("c").ValueAt(0));
        Assert.AreEqual("y", taken.LabelName);
    }

    [TestMethod]
    public void WithReplacesInPlaceAndAddsAtTheEnd()
    {
        var frame = Sample();
        var replaced = frame.With(new NumericColumn("a", [7, 8, 9]));
        Assert.AreEqual(0, replaced.Schema.IndexOf("a"));
        Assert.AreEqual(1f, frame.Numeric("a")[0], "the original frame is unchanged");
        Assert.AreEqual(4, frame.With(new NumericColumn("b", [0, 0, 0])).Schema.IndexOf("b"));
    }

    [TestMethod]
    public void With_several_columns_replaces_and_adds_in_one_frame_and_keeps_the_roles()
    {
        var frame = Sample();
        var result = frame.With(
            new NumericColumn("b", [1, 1, 1]),
            new NumericColumn("a", [7, 8, 9]),
            new NumericColumn("d", [2, 2, 2]),
            new NumericColumn("b", [3, 3, 3]));
        CollectionAssert.AreEqual(new[] { "a", "c", "t", "y", "b", "d" }, result.Names.ToArray());
        Assert.AreEqual(7f, result.Numeric("a")[0]);
        Assert.AreEqual(3f, result.Numeric("b")[0], "a column given twice: the later one");
        Assert.AreEqual("y", result.LabelName);
        Assert.AreEqual(4, frame.ColumnCount, "the original frame is unchanged");
    }

    [TestMethod]
    public void AppendRowsMergesCategoryDictionaries()
    {
        var first = new DataFrame([CategoricalColumn.FromValues("c", ["a", "b"])]);
        var second = new DataFrame([CategoricalColumn.FromValues("c", ["c", "a", null])]);
        var both = first.AppendRows(second).Categorical("c");
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, both.Categories.ToArray());
        CollectionAssert.AreEqual(new[] { 0, 1, 2, 0, -1 }, both.Codes.ToArray());
    }

    [TestMethod]
    public void CategoricalEqualityIsByValueNotCode()
    {
        var a = new CategoricalColumn("c", [0, 1], ["x", "y"]);
        var b = new CategoricalColumn("c", [1, 0], ["y", "x"]);
        Assert.IsTrue(a.ContentEquals(b));
    }

    [TestMethod]
    public void BadShapesAreClearErrors()
    {
        var ragged = Assert.ThrowsExactly<SchemaException>(() => new DataFrame([new NumericColumn("a", [1]), new NumericColumn("b", [1, 2])]));
        StringAssert.Contains(ragged.Message, "'b' has 2 rows");
        var twice = Assert.ThrowsExactly<SchemaException>(() => new DataFrame([new NumericColumn("a", [1]), new NumericColumn("a", [1])]));
        StringAssert.Contains(twice.Message, "'a'");
        var label = Assert.ThrowsExactly<SchemaException>(() => Sample().WithLabel("nope"));
        StringAssert.Contains(label.Message, "'nope'");
        StringAssert.Contains(label.Message, "'a'", "the error lists the columns that are there");
        Assert.ThrowsExactly<SchemaException>(() => Sample().Numeric("c"));
        Assert.ThrowsExactly<ArgumentException>(() => new CategoricalColumn("c", [2], ["only"]));
    }

    [TestMethod]
    public void DroppingTheLabelColumnDropsTheRole()
    {
        var frame = Sample().Without("y");
        Assert.IsNull(frame.LabelName);
        Assert.IsNull(frame.Schema.Label);
    }
}
