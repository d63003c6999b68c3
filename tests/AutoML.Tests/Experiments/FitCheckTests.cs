using Pipelines.AutoML.Experiments;
using Pipelines.Data;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>A refit fails its check when it predicts its own rows clearly worse than the reference predicted them, and only then.</summary>
[TestClass]
public sealed class FitCheckTests
{
    [TestMethod]
    public void A_classifier_that_confuses_its_own_rows_fails_and_one_as_good_or_better_passes()
    {
        var target = Classes(300, 3);
        var rows = Enumerable.Range(0, 300).ToArray();
        var right = OneHot(target, rows, r => target.Codes[r]);
        var shifted = OneHot(target, rows, r => (target.Codes[r] + 1) % 3);

        var failed = FitCheck.Compare(target, shifted, right, rows);
        Assert.IsTrue(failed.Failed, failed.ToString());
        Assert.AreEqual(0, failed.Fitted, 1e-12);
        Assert.AreEqual(1, failed.Reference, 1e-12);
        Assert.AreEqual("balanced accuracy 0.000 on rows it was fitted on, against 1.000 out of fold", failed.Describe("out of fold"));
        Assert.IsFalse(FitCheck.Compare(target, right, right, rows).Failed);
        Assert.IsFalse(FitCheck.Compare(target, right, shifted, rows).Failed, "better than the reference is what a refit should be");
    }

    [TestMethod]
    public void The_margin_is_five_points_or_two_standard_errors_of_the_rows_of_each_class()
    {
        // 280 rows of one class, 20 of another: one small-class row lost costs 2.5 points of balanced accuracy, within
        // the 5-point margin; six lost (15 points) do not.
        var target = Classes(300, 2, smallClassRows: 20);
        var rows = Enumerable.Range(0, 300).ToArray();
        var right = OneHot(target, rows, r => target.Codes[r]);
        var smallClass = target.Codes[0];
        var small = rows.Where(r => target.Codes[r] == smallClass).ToArray();
        Assert.HasCount(20, small);
        Assert.IsFalse(FitCheck.Compare(target, OneHot(target, rows, r => small.Take(1).Contains(r) ? 1 - smallClass : target.Codes[r]), right, rows).Failed);
        Assert.IsTrue(FitCheck.Compare(target, OneHot(target, rows, r => small.Take(6).Contains(r) ? 1 - smallClass : target.Codes[r]), right, rows).Failed);

        // Three classes of five rows, the reference right on four of each (0.8): two standard errors are 0.21, so three
        // of each (0.6) is within them and two of each (0.4) is not.
        var tiny = Classes(15, 3);
        var tinyRows = Enumerable.Range(0, 15).ToArray();
        int[] Wrong(int perClass) => [.. tinyRows.GroupBy(r => tiny.Codes[r]).SelectMany(g => g.Take(perClass))];
        var reference = OneHot(tiny, tinyRows, r => Wrong(1).Contains(r) ? (tiny.Codes[r] + 1) % 3 : tiny.Codes[r]);
        Assert.IsFalse(FitCheck.Compare(tiny, OneHot(tiny, tinyRows, r => Wrong(2).Contains(r) ? (tiny.Codes[r] + 1) % 3 : tiny.Codes[r]), reference, tinyRows).Failed);
        Assert.IsTrue(FitCheck.Compare(tiny, OneHot(tiny, tinyRows, r => Wrong(3).Contains(r) ? (tiny.Codes[r] + 1) % 3 : tiny.Codes[r]), reference, tinyRows).Failed);
    }

    [TestMethod]
    public void A_regressor_fails_when_its_error_on_its_own_rows_is_clearly_above_the_reference_s()
    {
        var values = Enumerable.Range(0, 100).Select(i => (float)i).ToArray();
        var target = ExperimentTarget.Of(new DataFrame([new NumericColumn("y", values)]).WithLabel("y"), PredictionTask.Regression);
        var rows = Enumerable.Range(0, 100).ToArray();
        var reference = values.Select((v, i) => v + (i % 2 == 0 ? 2f : -2f)).ToArray(); // RMSE 2
        var close = values.Select((v, i) => v + (i % 2 == 0 ? 2.4f : -2.4f)).ToArray(); // RMSE 2.4: within a quarter
        var far = values.Select((v, i) => v + (i % 2 == 0 ? 5f : -5f)).ToArray(); // RMSE 5: above 1.25 * 2 + 0.05 * 28.9

        Assert.IsFalse(FitCheck.Compare(target, close, reference, rows).Failed);
        var failed = FitCheck.Compare(target, far, reference, rows);
        Assert.IsTrue(failed.Failed);
        Assert.AreEqual(("RMSE", 5.0, 2.0), (failed.Measure, failed.Fitted, failed.Reference), failed.ToString());

        // A near-perfect reference: a refit as near-perfect passes though its error is twice the reference's.
        var tiny = values.Select((v, i) => v + (i % 2 == 0 ? 1e-3f : -1e-3f)).ToArray();
        var twice = values.Select((v, i) => v + (i % 2 == 0 ? 2e-3f : -2e-3f)).ToArray();
        Assert.IsFalse(FitCheck.Compare(target, twice, tiny, rows).Failed);
    }

    [TestMethod]
    public void More_rows_than_the_check_reads_are_spread_evenly_with_every_row_of_a_small_class()
    {
        var few = Classes(10, 2);
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).ToArray(), FitCheck.Sample(few, [.. Enumerable.Range(0, 10)]));

        // 12 rows of a rare class among 3 * MaxRows: all 12 are checked, and the other class fills the rest, spread.
        var rows = 3 * FitCheck.MaxRows;
        var target = Classes(rows, 2, smallClassRows: 12);
        var sample = FitCheck.Sample(target, [.. Enumerable.Range(0, rows)]);
        Assert.HasCount(FitCheck.MaxRows, sample);
        CollectionAssert.AreEqual(Enumerable.Range(0, 12).ToArray(), sample.Take(12).ToArray(), "the rare class's rows come first in this frame");
        Assert.AreEqual(12, sample.Count(i => target.Codes[i] == target.Codes[0]));
        Assert.IsGreaterThan(3 * (FitCheck.MaxRows - 20), sample[^1], "spread to the end");
        CollectionAssert.AreEqual(sample.Order().ToArray(), sample, "ascending");
    }

    private static ExperimentTarget Classes(int rows, int classes, int smallClassRows = 0)
    {
        var names = Enumerable.Range(0, rows).Select(r => smallClassRows > 0 ? (r < smallClassRows ? "b" : "a") : ((char)('a' + r % classes)).ToString()).ToArray();
        var task = smallClassRows > 0 || classes == 2 ? PredictionTask.BinaryClassification : PredictionTask.MulticlassClassification;
        return ExperimentTarget.Of(new DataFrame([CategoricalColumn.FromValues("y", names)]).WithLabel("y"), task);
    }

    private static float[] OneHot(ExperimentTarget target, int[] rows, Func<int, int> predicted)
    {
        var output = new float[rows.Length * target.Width];
        for (var i = 0; i < rows.Length; i++) output[i * target.Width + predicted(rows[i])] = 1;
        return output;
    }
}
