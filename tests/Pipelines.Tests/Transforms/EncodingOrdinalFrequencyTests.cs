using Pipelines.Data;
using Pipelines.Transforms.Encoding;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class EncodingOrdinalFrequencyTests
{
    // Counts: z 3, y 2, x 1, w 1, missing 1 (8 rows).
    private static DataFrame Train() =>
        new([CategoricalColumn.FromValues("c", ["z", "y", "z", "x", "y", "z", null, "w"])]);

    // Rows: q (unseen), z, w, missing; coded differently from training.
    private static DataFrame Test() => new([new CategoricalColumn("c", [0, 1, 2, -1], ["q", "z", "w"])]);

    private static readonly FloatComparer Exact = new(0f);

    [TestMethod]
    public void LexicalCodesWithNaNForMissing()
    {
        var output = new OrdinalEncode().Fit(Train()).Transform(Train());
        Assert.AreEqual(ColumnKind.Numeric, output["c"].Kind);
        // w 0, x 1, y 2, z 3
        CollectionAssert.AreEqual(new[] { 3f, 2, 3, 1, 2, 3, float.NaN, 0 }, output.Numeric("c").ToArray(), Exact);
    }

    [TestMethod]
    public void FrequencyCodesWithTiesByName()
    {
        var output = new OrdinalEncode(OrdinalOrder.Frequency).Fit(Train()).Transform(Train());
        // z 0, y 1, then w and x tie at one row: w 2, x 3
        CollectionAssert.AreEqual(new[] { 0f, 1, 0, 3, 1, 0, float.NaN, 2 }, output.Numeric("c").ToArray(), Exact);
    }

    [TestMethod]
    public void UnseenGetsTheConfiguredValue()
    {
        var byDefault = new OrdinalEncode().Fit(Train()).Transform(Test());
        CollectionAssert.AreEqual(new[] { -1f, 3, 0, float.NaN }, byDefault.Numeric("c").ToArray(), Exact);
        var nan = new OrdinalEncode(Unseen: float.NaN).Fit(Train()).Transform(Test());
        CollectionAssert.AreEqual(new[] { float.NaN, 3, 0, float.NaN }, nan.Numeric("c").ToArray(), Exact);
    }

    [TestMethod]
    public void UnseenThatCouldBeACodeIsRefused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new OrdinalEncode(Unseen: 2).Fit(Train()));
        Assert.ThrowsExactly<ArgumentException>(() => new OrdinalEncode(Unseen: float.NegativeInfinity).Fit(Train()));
    }

    [TestMethod]
    public void FrequenciesAreSharesOfAllTrainingRows()
    {
        var model = new FrequencyEncode().Fit(Train());
        CollectionAssert.AreEqual(new[] { 3 / 8f, 2 / 8f, 3 / 8f, 1 / 8f, 2 / 8f, 3 / 8f, float.NaN, 1 / 8f }, model.Transform(Train()).Numeric("c").ToArray(), Exact);
        // Unseen q -> 0, z, w, missing -> NaN
        CollectionAssert.AreEqual(new[] { 0f, 3 / 8f, 1 / 8f, float.NaN }, model.Transform(Test()).Numeric("c").ToArray(), Exact);
    }

    [TestMethod]
    public void MissingCanHaveItsOwnFrequency()
    {
        var output = new FrequencyEncode(MissingAsCategory: true).Fit(Train()).Transform(Test());
        CollectionAssert.AreEqual(new[] { 0f, 3 / 8f, 1 / 8f, 1 / 8f }, output.Numeric("c").ToArray(), Exact);
        // No missing values in training: missing gets share 0.
        var clean = new DataFrame([CategoricalColumn.FromValues("c", ["a", "b"])]);
        Assert.AreEqual(0f, new FrequencyEncode(MissingAsCategory: true).Fit(clean).Transform(Test()).Numeric("c")[3]);
    }

    [TestMethod]
    public void EstimatorSchemaIsExactAndNumeric()
    {
        var frame = Train().With(new NumericColumn("n", new float[8]));
        foreach (var schema in new[] { new OrdinalEncode().GetOutputSchema(frame.Schema), new FrequencyEncode().GetOutputSchema(frame.Schema) })
        {
            Assert.IsTrue(schema.IsExact);
            Assert.AreEqual(new ColumnSchema("c", ColumnKind.Numeric), schema[0]);
            Assert.AreEqual(new ColumnSchema("n", ColumnKind.Numeric), schema[1]);
        }
    }
}
