using Pipelines.AutoML.Tuners;
using Pipelines.Data;
using Pipelines.Tests.Contract;

namespace Pipelines.AutoML.Tests;

[TestClass]
public sealed class SampleSizeScheduleTests
{
    [TestMethod]
    public void Grows_x4_up_to_all_rows()
    {
        var schedule = new SampleSizeSchedule(100_000);
        var sizes = new List<int> { schedule.Current };
        while (schedule.Grow()) sizes.Add(schedule.Current);
        CollectionAssert.AreEqual(new[] { 10_000, 40_000, 100_000 }, sizes);
        Assert.IsTrue(new SampleSizeSchedule(500).IsFull);
    }

    [TestMethod]
    public void Sample_is_stratified_not_the_first_rows()
    {
        var data = ContractData.Standard();   // 36 'no', 12 'yes'
        var sample = SampleSizeSchedule.Sample(data, 24, seed: 1);
        Assert.AreEqual(24, sample.RowCount);
        var label = (CategoricalColumn)sample.Label!;
        Assert.AreEqual(6, label.Codes.ToArray().Count(c => label.Categories[c] == "yes"));
        Assert.IsFalse(sample.ContentEquals(data.Head(24)));
        Assert.AreSame(data, SampleSizeSchedule.Sample(data, 100, seed: 1));
    }
}
