using Pipelines.Data;
using Pipelines.Evaluation;
using Pipelines.Tests.Contract;

namespace Pipelines.Tests.Evaluation;

[TestClass]
public sealed class SplitTests
{
    [TestMethod]
    public void TrainTestKeepsClassProportionsAndCoversEveryRowOnce()
    {
        var data = ContractData.Standard(); // 36 'no', 12 'yes'
        var fold = Split.TrainTest(data, 0.25, seed: 1);
        Assert.AreEqual(12, fold.Test.Length);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, data.RowCount).ToArray(), fold.Train.Concat(fold.Test).ToArray());
        var label = data.Categorical("y");
        Assert.AreEqual(3, fold.Test.Count(r => label.ValueAt(r) == "yes"));
    }

    [TestMethod]
    public void AtMostKeepsEveryRowUpToTheCountAndAStratifiedSampleAboveIt()
    {
        var data = ContractData.Standard(); // 36 'no', 12 'yes'
        CollectionAssert.AreEqual(Enumerable.Range(0, data.RowCount).ToArray(), Split.AtMost(data, data.RowCount, seed: 1));
        var sample = Split.AtMost(data, 24, seed: 1);
        CollectionAssert.AreEqual(Split.TrainTest(data, 0.5, seed: 1).Train, sample, "the training part of the split that keeps that many");
        Assert.AreEqual(6, sample.Count(r => data.Categorical("y").ValueAt(r) == "yes"));
    }

    [TestMethod]
    public void SampleKeepsClassSharesButNeverCutsAClassBelowTheFloor()
    {
        var data = ContractData.Standard(); // 36 'no', 12 'yes'
        var label = data.Categorical("y");
        var proportional = Split.Sample(data, 24, minPerStratum: 0, seed: 1);
        Assert.AreEqual(24, proportional.Length);
        Assert.AreEqual(6, proportional.Count(r => label.ValueAt(r) == "yes"));
        CollectionAssert.AreEqual(proportional.Order().ToArray(), proportional);

        var floored = Split.Sample(data, 24, minPerStratum: 10, seed: 1);
        Assert.AreEqual(18, floored.Count(r => label.ValueAt(r) == "no"));
        Assert.AreEqual(10, floored.Count(r => label.ValueAt(r) == "yes"));
        Assert.AreEqual(12, Split.Sample(data, 24, minPerStratum: 50, seed: 1).Count(r => label.ValueAt(r) == "yes"), "a class with fewer rows than the floor is kept whole");
    }

    [TestMethod]
    public void SameSeedSameSplitOtherSeedOtherSplit()
    {
        var data = ContractData.Standard();
        CollectionAssert.AreEqual(Split.TrainTest(data, 0.3, 5).Test, Split.TrainTest(data, 0.3, 5).Test);
        CollectionAssert.AreNotEqual(Split.TrainTest(data, 0.3, 5).Test, Split.TrainTest(data, 0.3, 6).Test);
    }

    [TestMethod]
    public void KFoldTestPartsPartitionTheRowsWithStratification()
    {
        var data = ContractData.Standard();
        var folds = Split.StratifiedKFold(data, 4, seed: 3);
        var seen = folds.SelectMany(f => f.Test).Order().ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(0, data.RowCount).ToArray(), seen);
        var label = data.Categorical("y");
        foreach (var fold in folds)
        {
            Assert.AreEqual(12, fold.Test.Length);
            Assert.AreEqual(3, fold.Test.Count(r => label.ValueAt(r) == "yes"));
            Assert.AreEqual(0, fold.Train.Intersect(fold.Test).Count());
        }
    }

    [TestMethod]
    public void NumericLabelIsStratifiedByQuantileBins()
    {
        var values = Enumerable.Range(0, 100).Select(i => (float)i).ToArray();
        var data = new DataFrame([new NumericColumn("y", values)], label: "y");
        var fold = Split.TrainTest(data, 0.2, seed: 9);
        // Each decile of the label contributes two test rows.
        for (var d = 0; d < 10; d++) Assert.AreEqual(2, fold.Test.Count(r => r / 10 == d), $"decile {d}");
    }

    [TestMethod]
    public void TooFewRowsForKFoldIsAClearError() =>
        Assert.Throws<Pipelines.Errors.PipelineException>(() => Split.StratifiedKFold(ContractData.Standard().Head(3), 5, 0));
}
