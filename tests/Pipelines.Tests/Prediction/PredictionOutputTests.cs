using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Prediction;
using Pipelines.Tests.Contract;

namespace Pipelines.Tests.Prediction;

[TestClass]
public sealed class PredictionOutputTests
{
    [TestMethod]
    public void ClassificationGivesArgmaxLabelAndOneProbabilityColumnPerClass()
    {
        var columns = PredictionOutput.Columns(PredictionTask.MulticlassClassification, ["a", "b", "c"], [0.2f, 0.5f, 0.3f, 0.4f, 0.4f, 0.2f], 2);
        var label = (CategoricalColumn)columns[0];
        Assert.AreEqual(PredictionColumns.PredictedLabel, label.Name);
        Assert.AreEqual("b", label.ValueAt(0));
        Assert.AreEqual("a", label.ValueAt(1), "a tie goes to the lower class code");
        CollectionAssert.AreEqual(new[] { "PredictedLabel", "Probability.a", "Probability.b", "Probability.c" }, columns.Select(c => c.Name).ToArray());
        Assert.AreEqual(0.3f, ((NumericColumn)columns[3])[0]);
    }

    [TestMethod]
    public void WrongOutputSizeIsRefused() =>
        Assert.ThrowsExactly<ArgumentException>(() => PredictionOutput.Columns(PredictionTask.Regression, [], [1, 2, 3], 2));

    [TestMethod]
    public void TrainingSetReadsFeaturesLabelsAndWeightsAndLeavesOutUnlabelledRows()
    {
        var frame = new DataFrame(
            [
                new NumericColumn("x", [1, 2, 3, 4]),
                new NumericColumn("w", [1, 2, 1, 1]),
                CategoricalColumn.FromValues("y", ["no", null, "yes", "no"]),
            ], label: "y", weight: "w");
        var set = TrainingSet.Read("test", frame, allowMissing: false, allowCategorical: false);
        Assert.AreEqual(PredictionTask.BinaryClassification, set.Task);
        CollectionAssert.AreEqual(new[] { "x" }, set.Features.ToArray());
        CollectionAssert.AreEqual(new[] { 0, 1, 0 }, set.ClassCodes);
        CollectionAssert.AreEqual(new[] { 1f, 1f, 1f }, set.Weights);
        CollectionAssert.AreEqual(new[] { 1f, 3f, 4f }, set.RowMajor());
    }

    [TestMethod]
    public void TrainingSetRefusesCategoricalFeaturesAndMissingValuesWithAFix()
    {
        var data = ContractData.Standard();
        StringAssert.Contains(Assert.ThrowsExactly<SchemaException>(() => TrainingSet.Read("test", data.Without("note"), false, false)).Message, "OneHotEncode");
        var missing = ContractData.WithMissing().Without("note", "color");
        StringAssert.Contains(Assert.ThrowsExactly<DataValueException>(() => TrainingSet.Read("test", missing, false, false)).Message, "ImputeMissing");
        Assert.AreEqual(48, TrainingSet.Read("test", missing, allowMissing: true, allowCategorical: false).RowCount);
    }
}
