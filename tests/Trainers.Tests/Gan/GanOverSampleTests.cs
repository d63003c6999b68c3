using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Trainers.Gan;

namespace Pipelines.Trainers.Tests.Gan;

[TestClass]
public sealed class GanOverSampleTests
{
    [TestMethod]
    public void NewRowsAreExactlyTheAskedForClassAndReachTheTargets()
    {
        var frame = TransformerTests.Bimodal(150, 21);
        var sampler = new GanOverSample { Gan = GanTrainingTests.Small with { Epochs = 15 }, Seed = 3 };
        var output = sampler.FitTransform(frame).Output;
        var before = frame.Categorical("y").CountPerCategory();
        var after = output.Categorical("y").Recode(frame.Categorical("y").Categories).CountPerCategory();
        Assert.AreEqual(before.Max(), after.Min(), "classes balanced");
        Assert.AreEqual(before.Max(), after.Max());
        Assert.IsTrue(output.Head(frame.RowCount).ContentEquals(frame), "original rows first, unchanged");
        var minority = Array.IndexOf(before, before.Min());
        var added = output.Take(Enumerable.Range(frame.RowCount, output.RowCount - frame.RowCount).ToArray());
        var labels = added.Categorical("y");
        for (var i = 0; i < added.RowCount; i++) Assert.AreEqual(frame.Categorical("y").Categories[minority], labels.ValueAt(i));
    }

    [TestMethod]
    public void AClassTheGeneratorRarelyMakesIsAClearError()
    {
        // Untrained generator, one draw allowed per needed row: not every conditioned row comes out as the class.
        var frame = TransformerTests.Bimodal(150, 22);
        var sampler = new GanOverSample { Gan = GanTrainingTests.Small with { Epochs = 1, GeneratorLearningRate = 1e-6f }, MaxDrawsPerRow = 1, Seed = 1 };
        var error = Assert.ThrowsExactly<DataValueException>(() => sampler.FitTransform(frame));
        StringAssert.Contains(error.Message, "GanOverSample");
        StringAssert.Contains(error.Message, "Epochs");
    }

    [TestMethod]
    public void TextColumnsAndBadOptionsAreRefused()
    {
        var frame = TransformerTests.Bimodal(40, 23).With(new TextColumn("t", Enumerable.Repeat<string?>("a", 40).ToArray()));
        Assert.ThrowsExactly<SchemaException>(() => new GanOverSample().FitTransform(frame));
        Assert.ThrowsExactly<ArgumentException>(() => new GanOverSample { Gan = new() { Epochs = 0 } }.FitTransform(TransformerTests.Bimodal(40, 23)));
    }
}
