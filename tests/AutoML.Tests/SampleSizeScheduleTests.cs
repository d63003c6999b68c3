using Pipelines.AutoML.Tuners;
using Pipelines.Data;
using Pipelines.Evaluation;
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
    public void Sample_is_stratified_not_the_first_rows_and_keeps_rare_classes_whole()
    {
        // 30 'no' rows for each of 12 'yes': a 96-row sample keeps the shares for 'no' and every 'yes' row (fewer than the floor).
        var standard = ContractData.Standard();   // 36 'no', 12 'yes'
        var no = standard.Categorical("y").Codes.ToArray().Select((c, row) => (c, row)).Where(p => standard.Categorical("y").Categories[p.c] == "no").Select(p => p.row);
        var many = Enumerable.Range(0, 10).SelectMany(_ => no).Concat(Enumerable.Range(0, standard.RowCount).Where(r => !no.Contains(r))).ToArray();
        var data = standard.Take(many);    // 360 'no', 12 'yes'
        var all = Enumerable.Range(0, data.RowCount).ToArray();
        var rows = SampleSizeSchedule.SampleRows(data, all, 186, seed: 1);
        var sample = data.Take(rows);
        var label = (CategoricalColumn)sample.Label!;
        Assert.AreEqual(12, label.Codes.ToArray().Count(c => label.Categories[c] == "yes"));
        Assert.AreEqual(Math.Max(180, SampleSizeSchedule.MinRowsPerClass), label.Codes.ToArray().Count(c => label.Categories[c] == "no"));
        Assert.IsFalse(sample.ContentEquals(data.Head(sample.RowCount)));
        Assert.AreSame(all, SampleSizeSchedule.SampleRows(data, all, 400, seed: 1));
        // Among some rows: the draw of those rows alone, as rows of the whole.
        var odd = all.Where(r => r % 2 == 1).ToArray();
        var ofOdd = SampleSizeSchedule.SampleRows(data, odd, 60, seed: 2);
        Assert.IsTrue(ofOdd.All(r => r % 2 == 1));
        Assert.IsTrue(data.Take(ofOdd).ContentEquals(data.Take(odd).Take(Split.Sample(data.Take(odd), 60, SampleSizeSchedule.MinRowsPerClass, 2))));
    }
}
