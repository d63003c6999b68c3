using Pipelines.Tests.Contract;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Tests.Transforms;

[TestClass]
public sealed class DropDuplicateRowsTests
{
    private static DataFrame Frame() => new(
        [
            new NumericColumn("x", [1, float.NaN, 1, float.NaN, float.NaN, 2, 2, -0f, 0f]),
            CategoricalColumn.FromValues("c", ["a", "b", "a", "b", "b", null, null, "a", "a"]),
            new TextColumn("t", ["p", "q", "p", "q", "q", null, null, "r", "r"]),
            CategoricalColumn.FromValues("y", ["no", "yes", "no", "yes", "no", "yes", "yes", "no", "no"]),
        ],
        label: "y");

    [TestMethod]
    public void KeepsTheFirstOfEachGroupWithNaNEqualToNaN()
    {
        var data = Frame();
        var output = new DropDuplicateRows().FitTransform(data).Output;
        // Row 2 repeats 0, row 3 repeats 1 (NaN = NaN), row 6 repeats 5 (missing = missing), row 8 repeats 7 (0 = -0);
        // row 4 differs from row 1 only in the label, so it stays.
        ContractSuite.AssertFramesEqual(data.Take([0, 1, 4, 5, 7]), output, "deduplicated");
    }

    [TestMethod]
    public void FeaturesOnlyIgnoresTheLabel()
    {
        var data = Frame();
        var output = new DropDuplicateRows(FeaturesOnly: true).FitTransform(data).Output;
        ContractSuite.AssertFramesEqual(data.Take([0, 1, 5, 7]), output, "deduplicated on features");
        Assert.AreEqual("y", output.LabelName);
    }

    [TestMethod]
    public void NoDuplicatesReturnsTheInputAsIs()
    {
        var data = new DataFrame([new NumericColumn("x", [1, 2, 3])]);
        Assert.AreSame(data, new DropDuplicateRows().FitTransform(data).Output);
    }

    [TestMethod]
    public void NextStepLearnsFromDeduplicatedRowsButTransformKeepsAll()
    {
        // Deduplicated training rows are 0 and 4: mean 2, std 2. All four rows come out at Transform time.
        var data = new DataFrame([new NumericColumn("a", [0, 0, 0, 4])]);
        var model = new DropDuplicateRows().Append(new ZScoreNormalize()).Fit(data);
        CollectionAssert.AreEqual(new[] { -1f, -1, -1, 1 }, model.Transform(data).Numeric("a").ToArray());
        Assert.IsInstanceOfType<PassThrough>(model.Steps[0]);
    }
}
