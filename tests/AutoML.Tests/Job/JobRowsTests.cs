using Pipelines.AutoML.Job;
using Pipelines.Data;

namespace Pipelines.AutoML.Tests.Job;

[TestClass]
public sealed class JobRowsTests
{
    [TestMethod]
    public void Every_row_comes_back_in_file_order_after_a_split()
    {
        var frame = Frame(2400);
        var split = HoldoutRule.Choose(frame, 0.25, HoldoutRule.DefaultMinRows, seed: 3, testFile: false).Split!;
        var rows = new JobRows(frame);

        var train = rows.Split(split);
        var all = rows.All;

        Assert.IsTrue(train.ContentEquals(frame.Take(split.Train)), "the search's part is the split's train rows");
        Assert.IsTrue(all.ContentEquals(frame), "the rejoined rows equal the file's rows, missing values and roles included");
        Assert.AreEqual("y", all.LabelName);
        Assert.AreEqual("w", all.WeightName);
        Assert.AreEqual(2400, rows.RowCount);
        Assert.AreSame(all, rows.All, "rejoined once");
    }

    [TestMethod]
    public void Without_a_split_the_frame_is_handed_back_as_it_is()
    {
        var frame = Frame(100);
        Assert.AreSame(frame, new JobRows(frame).All);
    }

    // A category that only a few rows hold, so that one part of the split may lack it, and missing cells in both kinds.
    private static DataFrame Frame(int rows) => new(
        [new NumericColumn("x", [.. Enumerable.Range(0, rows).Select(i => i % 37 == 0 ? float.NaN : i * 0.5f)]),
         new CategoricalColumn("c", [.. Enumerable.Range(0, rows).Select(i => i % 29 == 0 ? -1 : i % 997 == 5 ? 2 : i % 2)], ["a", "b", "rare"]),
         new NumericColumn("w", [.. Enumerable.Range(0, rows).Select(i => 1f + i % 3)]),
         new CategoricalColumn("y", [.. Enumerable.Range(0, rows).Select(i => i % 4 == 0 ? 1 : 0)], ["no", "yes"])], label: "y", weight: "w");
}
