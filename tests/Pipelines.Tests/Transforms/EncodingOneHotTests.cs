using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Transforms.Encoding;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class EncodingOneHotTests
{
    // Counts: a 3, b 2, c 1, d 1, missing 1 (8 rows). 'x' before and 'z' after check that outputs take c's place.
    private static DataFrame Train() => new(
    [
        new NumericColumn("x", [1, 2, 3, 4, 5, 6, 7, 8]),
        CategoricalColumn.FromValues("c", ["b", "a", "c", "a", "b", "a", null, "d"]),
        new NumericColumn("z", [0, 0, 0, 0, 0, 0, 0, 0]),
    ]);

    // Coded differently from training on purpose: 'e' is unseen, 'b' and 'a' have other codes, 'c' was rare.
    private static DataFrame Test() => new(
    [
        new NumericColumn("x", [1, 2, 3, 4, 5]),
        new CategoricalColumn("c", [0, 1, 2, -1, 3], ["e", "b", "a", "c"]),
        new NumericColumn("z", [0, 0, 0, 0, 0]),
    ]);

    private static float[] Col(DataFrame frame, string name) => frame.Numeric(name).ToArray();

    [TestMethod]
    public void OutputsTakeTheSourcePlaceInNameOrder()
    {
        var output = new OneHotEncode().Fit(Train()).Transform(Train());
        CollectionAssert.AreEqual(new[] { "x", "c=a", "c=b", "c=c", "c=d", "z" }, output.Names.ToArray());
        CollectionAssert.AreEqual(new float[] { 0, 1, 0, 1, 0, 1, 0, 0 }, Col(output, "c=a"));
        CollectionAssert.AreEqual(new float[] { 1, 0, 0, 0, 1, 0, 0, 0 }, Col(output, "c=b"));
        CollectionAssert.AreEqual(new float[] { 0, 0, 0, 0, 0, 0, 0, 1 }, Col(output, "c=d"));
        // The missing row (6) is all zeros by default.
        foreach (var name in new[] { "c=a", "c=b", "c=c", "c=d" }) Assert.AreEqual(0f, output.Numeric(name)[6]);
    }

    [TestMethod]
    public void RareCategoriesGoToOtherByCountOrFraction()
    {
        foreach (var min in new[] { 2.0, 0.25 }) // 0.25 of 8 rows = 2 rows
        {
            var model = new OneHotEncode(MinFrequency: min).Fit(Train());
            var output = model.Transform(Train());
            CollectionAssert.AreEqual(new[] { "x", "c=a", "c=b", "c=__other__", "z" }, output.Names.ToArray(), $"MinFrequency {min}");
            CollectionAssert.AreEqual(new float[] { 0, 0, 1, 0, 0, 0, 0, 1 }, Col(output, "c=__other__"));
            CollectionAssert.AreEqual(new[] { "c", "d" }, model.Infrequent[0].ToArray());
        }
    }

    [TestMethod]
    public void MaxCategoriesKeepsTheMostFrequentWithTiesByName()
    {
        var one = new OneHotEncode(MaxCategories: 1).Fit(Train());
        CollectionAssert.AreEqual(new[] { "a" }, one.Categories[0].ToArray());
        CollectionAssert.AreEqual(new[] { "b", "c", "d" }, one.Infrequent[0].ToArray());
        // c and d both occur once: c wins the last place by name.
        var three = new OneHotEncode(MaxCategories: 3).Fit(Train());
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, three.Categories[0].ToArray());
        CollectionAssert.AreEqual(new[] { "x", "c=a", "c=b", "c=c", "c=__other__", "z" }, three.Transform(Train()).Names.ToArray());
    }

    [TestMethod]
    public void UnseenIsAllZerosByDefaultAndMatchedByName()
    {
        var output = new OneHotEncode(MinFrequency: 2).Fit(Train()).Transform(Test());
        // Rows: e (unseen), b, a, missing, c (rare in training).
        CollectionAssert.AreEqual(new float[] { 0, 0, 1, 0, 0 }, Col(output, "c=a"));
        CollectionAssert.AreEqual(new float[] { 0, 1, 0, 0, 0 }, Col(output, "c=b"));
        // A rare training category still goes to other; an unseen one does not unless asked.
        CollectionAssert.AreEqual(new float[] { 0, 0, 0, 0, 1 }, Col(output, "c=__other__"));
    }

    [TestMethod]
    public void UnseenToOtherAndMissingColumn()
    {
        var model = new OneHotEncode(Unseen: OneHotUnseen.Other, Missing: OneHotMissing.OwnColumn).Fit(Train());
        var output = model.Transform(Test());
        CollectionAssert.AreEqual(new[] { "x", "c=a", "c=b", "c=c", "c=d", "c=__other__", "c=__missing__", "z" }, output.Names.ToArray());
        CollectionAssert.AreEqual(new float[] { 1, 0, 0, 0, 0 }, Col(output, "c=__other__"));
        CollectionAssert.AreEqual(new float[] { 0, 0, 0, 1, 0 }, Col(output, "c=__missing__"));
        CollectionAssert.AreEqual(new float[] { 0, 0, 0, 0, 1 }, Col(output, "c=c"));
        Assert.AreEqual(model.GetOutputSchema(Test().Schema), output.Schema);
    }

    [TestMethod]
    public void DropIfBinaryKeepsOnlyTheSecondOfTwo()
    {
        var frame = new DataFrame([CategoricalColumn.FromValues("s", ["m", "f", "f", "m"])]);
        var output = new OneHotEncode(DropIfBinary: true).Fit(frame).Transform(frame);
        CollectionAssert.AreEqual(new[] { "s=m" }, output.Names.ToArray());
        CollectionAssert.AreEqual(new float[] { 1, 0, 0, 1 }, Col(output, "s=m"));
        // Three categories: nothing is dropped.
        Assert.AreEqual(4, new OneHotEncode(DropIfBinary: true).Fit(Train()).Transform(Train()).ColumnCount - 2);
    }

    [TestMethod]
    public void EstimatorSchemaIsPartialWithoutTheSource()
    {
        var schema = new OneHotEncode().GetOutputSchema(Train().Schema);
        Assert.IsFalse(schema.IsExact);
        CollectionAssert.AreEqual(new[] { "x", "z" }, schema.Columns.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void ACategoryNamedLikeTheOtherOutputIsAClearError()
    {
        var frame = new DataFrame([CategoricalColumn.FromValues("c", ["__other__", "__other__", "a", "b"])]);
        var error = Assert.ThrowsExactly<DataValueException>(() => new OneHotEncode(MinFrequency: 2).Fit(frame));
        StringAssert.Contains(error.Message, "c=__other__");
    }

    [TestMethod]
    public void BadOptionsAreRefusedAtFit()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new OneHotEncode(MaxCategories: 0).Fit(Train()));
        Assert.ThrowsExactly<ArgumentException>(() => new OneHotEncode(MinFrequency: -1).Fit(Train()));
        Assert.ThrowsExactly<ArgumentException>(() => new OneHotEncode(MinFrequency: double.NaN).Fit(Train()));
    }

    [TestMethod]
    public void MissingSourceColumnAtTransformIsNamed()
    {
        var model = new OneHotEncode().Fit(Train());
        var error = Assert.ThrowsExactly<SchemaException>(() => model.Transform(Train().Without("c")));
        StringAssert.Contains(error.Message, "'c'");
    }
}
