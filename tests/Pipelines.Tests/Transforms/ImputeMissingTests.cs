using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class ImputeMissingTests
{
    private static readonly float NaN = float.NaN;

    private static float[] Impute(NumericImputation strategy, float[] values, float fill = 0) =>
        new ImputeMissing(strategy, NumericFill: fill).Fit(Frame(values)).Transform(Frame(values)).Numeric("a").ToArray();

    private static DataFrame Frame(float[] values) => new([new NumericColumn("a", values)]);

    [TestMethod]
    public void NumericStrategiesFillWithHandComputedValues()
    {
        float[] values = [1, NaN, 3, 3, 1, 10];
        // Present: 1, 3, 3, 1, 10. Mean 18/5 = 3.6; median of 1,1,3,3,10 = 3; modes 1 and 3 tie, the smaller wins.
        CollectionAssert.AreEqual(new[] { 1f, 3.6f, 3, 3, 1, 10 }, Impute(NumericImputation.Mean, values), new FloatComparer(1e-6f));
        CollectionAssert.AreEqual(new[] { 1f, 3, 3, 3, 1, 10 }, Impute(NumericImputation.Median, values));
        CollectionAssert.AreEqual(new[] { 1f, 1, 3, 3, 1, 10 }, Impute(NumericImputation.MostFrequent, values));
        CollectionAssert.AreEqual(new[] { 1f, -7, 3, 3, 1, 10 }, Impute(NumericImputation.Constant, values, fill: -7));
    }

    [TestMethod]
    public void MedianInterpolatesForAnEvenCount()
    {
        // Present 1, 2, 4, 10: median (2 + 4) / 2 = 3.
        CollectionAssert.AreEqual(new[] { 10f, 3, 1, 4, 2 }, Impute(NumericImputation.Median, [10, NaN, 1, 4, 2]));
    }

    [TestMethod]
    public void AllMissingNumericFallsBackToZero()
    {
        foreach (var strategy in new[] { NumericImputation.Mean, NumericImputation.Median, NumericImputation.MostFrequent })
            CollectionAssert.AreEqual(new[] { 0f, 0f }, Impute(strategy, [NaN, NaN]), strategy.ToString());
    }

    [TestMethod]
    public void CategoricalMostFrequentAndConstant()
    {
        var data = new DataFrame([CategoricalColumn.FromValues("c", ["a", null, "b", "b", null])]);
        var frequent = new ImputeMissing().Fit(data);
        CollectionAssert.AreEqual(new[] { "b" }, frequent.CategoricalFills.ToArray());
        var filled = frequent.Transform(data).Categorical("c");
        CollectionAssert.AreEqual(new[] { "a", "b", "b", "b", "b" }, Enumerable.Range(0, 5).Select(filled.ValueAt).ToArray());
        CollectionAssert.AreEqual(new[] { "a", "b" }, filled.Categories.ToArray());

        var constant = new ImputeMissing(Categorical: CategoricalImputation.Constant).Fit(data).Transform(data).Categorical("c");
        CollectionAssert.AreEqual(new[] { "a", "missing", "b", "b", "missing" }, Enumerable.Range(0, 5).Select(constant.ValueAt).ToArray());
        CollectionAssert.AreEqual(new[] { "a", "b", "missing" }, constant.Categories.ToArray(), "the fill is added to the dictionary");
    }

    [TestMethod]
    public void ConstantCategoryAlreadyPresentIsReused()
    {
        var data = new DataFrame([CategoricalColumn.FromValues("c", ["none", null, "x"])]);
        var result = new ImputeMissing(Categorical: CategoricalImputation.Constant, CategoricalFill: "none").Fit(data).Transform(data).Categorical("c");
        CollectionAssert.AreEqual(new[] { "none", "x" }, result.Categories.ToArray());
        CollectionAssert.AreEqual(new[] { 0, 0, 1 }, result.Codes.ToArray());
    }

    [TestMethod]
    public void AllMissingCategoricalFallsBackToTheConstant()
    {
        var data = new DataFrame([CategoricalColumn.FromValues("c", [null, null])]);
        var result = new ImputeMissing(CategoricalFill: "unknown").Fit(data).Transform(data).Categorical("c");
        CollectionAssert.AreEqual(new[] { "unknown", "unknown" }, new[] { result.ValueAt(0), result.ValueAt(1) });
    }

    [TestMethod]
    public void IndicatorsOnlyForColumnsMissingAtFitTime()
    {
        var data = new DataFrame(
            [
                new NumericColumn("x1", [1, NaN, 3, NaN]),
                new NumericColumn("x2", [1, 2, 3, 4]),
                CategoricalColumn.FromValues("color", ["r", "g", null, "r"]),
                CategoricalColumn.FromValues("y", ["p", null, "q", "p"]),
            ],
            label: "y");
        var estimator = new ImputeMissing(NumericImputation.Median, AddIndicators: true);
        var model = estimator.Fit(data);
        CollectionAssert.AreEqual(new[] { "x1", "color" }, model.IndicatorSources.ToArray());
        var output = model.Transform(data);
        CollectionAssert.AreEqual(new[] { "x1", "x2", "color", "y", "x1_missing", "color_missing" }, output.Names.ToArray());
        CollectionAssert.AreEqual(new[] { 0f, 1, 0, 1 }, output.Numeric("x1_missing").ToArray());
        CollectionAssert.AreEqual(new[] { 0f, 0, 1, 0 }, output.Numeric("color_missing").ToArray());
        CollectionAssert.AreEqual(new[] { 1f, 2, 3, 2 }, output.Numeric("x1").ToArray());
        Assert.IsTrue(output.Label!.IsMissing(1), "the label is not imputed");
        Assert.AreEqual(output.Schema, model.GetOutputSchema(data.Schema));
        var predicted = estimator.GetOutputSchema(data.Schema);
        Assert.IsFalse(predicted.IsExact);
        Assert.AreEqual(4, predicted.Count);
    }

    [TestMethod]
    public void MissingValueUnseenAtFitTimeIsStillImputed()
    {
        var model = new ImputeMissing(AddIndicators: true).Fit(Frame([1, 2, 6]));
        Assert.AreEqual(0, model.IndicatorNames.Count);
        var output = model.Transform(Frame([NaN, 5]));
        CollectionAssert.AreEqual(new[] { 3f, 5 }, output.Numeric("a").ToArray());
        Assert.AreEqual(1, output.ColumnCount);
    }

    [TestMethod]
    public void IndicatorNameClashIsRefused()
    {
        var data = new DataFrame([new NumericColumn("a", [1, NaN]), new NumericColumn("a_missing", [0, 0])]);
        var error = Assert.ThrowsExactly<SchemaException>(() => new ImputeMissing(AddIndicators: true).Fit(data));
        StringAssert.Contains(error.Message, "a_missing");
        var model = new ImputeMissing(AddIndicators: true, IndicatorSuffix: "_was_nan").Fit(data);
        CollectionAssert.AreEqual(new[] { "a_was_nan" }, model.IndicatorNames.ToArray());
    }

    [TestMethod]
    public void TextColumnsAreLeftAloneAndNamingOneIsAnError()
    {
        var data = new DataFrame([new NumericColumn("a", [NaN, 1]), new TextColumn("t", [null, "x"])]);
        var output = new ImputeMissing().Fit(data).Transform(data);
        Assert.IsTrue(output["t"].IsMissing(0));
        Assert.ThrowsExactly<SchemaException>(() => new ImputeMissing(Columns: ["t"]).Fit(data));
    }

    [TestMethod]
    public void BadOptionsAreRefusedAtFit()
    {
        var data = Frame([1, NaN]);
        Assert.ThrowsExactly<ArgumentException>(() => new ImputeMissing(NumericImputation.Constant, NumericFill: NaN).Fit(data));
        Assert.ThrowsExactly<ArgumentException>(() => new ImputeMissing(CategoricalFill: "").Fit(data));
        Assert.ThrowsExactly<ArgumentException>(() => new ImputeMissing(IndicatorSuffix: " ").Fit(data));
        Assert.ThrowsExactly<ArgumentException>(() => new ImputeMissing((NumericImputation)9).Fit(data));
    }

    [TestMethod]
    public void InputIsLeftAlone()
    {
        float[] values = [NaN, 2];
        var data = Frame(values);
        new ImputeMissing().Fit(data).Transform(data);
        Assert.IsTrue(float.IsNaN(values[0]));
    }
}
