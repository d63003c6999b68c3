using Pipelines.AutoML.Student;

namespace Pipelines.AutoML.Tests.Student;

/// <summary>A time-limited student cuts epochs first, then rows, from measured paces.</summary>
[TestClass]
public sealed class StudentWorkloadTests
{
    private static readonly StudentWorkload Full = new(Rows: 10_000, Epochs: 15, EpochsPerPruningStep: 2, PruningFineTuneEpochs: 6);

    // 4 pruning steps, 2 synthetic rows per real row; a teacher labels 10,000 rows a second, the network trains 100,000 row-epochs a second.
    private static double Seconds(StudentWorkload w) => w.Seconds(pruningSteps: 4, augmentFactor: 2, teacherSecondsPerRow: 1e-4, networkSecondsPerRowEpoch: 1e-5);

    private static StudentWorkload Within(double seconds) => Full.Within(seconds, pruningSteps: 4, augmentFactor: 2, teacherSecondsPerRow: 1e-4, networkSecondsPerRowEpoch: 1e-5);

    [TestMethod]
    public void The_estimate_counts_labelling_distillation_and_pruning()
    {
        // 10,000 × (4 × 1e-4 + 1e-5 × (15 × 3 + 4 × 2 + 6)) = 4 + 5.9 seconds.
        Assert.AreEqual(9.9, Seconds(Full), 1e-9);
    }

    [TestMethod]
    public void A_workload_that_fits_is_kept_whole()
    {
        Assert.AreEqual(Full, Within(10));
    }

    [TestMethod]
    public void Epochs_are_cut_first_with_pruning_in_proportion()
    {
        var cut = Within(8);
        Assert.AreEqual(Full.Rows, cut.Rows);
        Assert.IsLessThan(Full.Epochs, cut.Epochs);
        Assert.IsGreaterThanOrEqualTo(StudentWorkload.MinEpochs, cut.Epochs);
        Assert.IsLessThanOrEqualTo(8, Seconds(cut));
        Assert.IsGreaterThan(8, Seconds(cut with { Epochs = cut.Epochs + 1 }), "the most epochs that fit");
        Assert.AreEqual(Math.Max(1, (int)Math.Round(6.0 * cut.Epochs / 15)), cut.PruningFineTuneEpochs);
    }

    [TestMethod]
    public void Rows_are_cut_when_the_fewest_epochs_do_not_fit()
    {
        var cut = Within(2);
        Assert.AreEqual(StudentWorkload.MinEpochs, cut.Epochs);
        Assert.IsLessThan(Full.Rows, cut.Rows);
        Assert.IsLessThanOrEqualTo(2, Seconds(cut));
        Assert.IsGreaterThan(1.9, Seconds(cut), "the rows fill the time");
        Assert.AreEqual(StudentWorkload.MinRows, Within(0.01).Rows, "never fewer than the least rows");
    }
}
