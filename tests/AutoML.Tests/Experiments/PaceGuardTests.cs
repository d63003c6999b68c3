using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Store;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>
/// The pace guard stops a trial once it plainly cannot finish before the search's deadline, and leaves alone a trial
/// whose first fold is slow, or one started moments before the deadline. Times are given, not measured.
/// </summary>
[TestClass]
public sealed class PaceGuardTests
{
    private static PaceGuard Guard() => new(folds: 15, budget: TimeSpan.FromSeconds(30));

    [TestMethod]
    public void A_trial_whose_first_fold_alone_outlasts_the_search_is_stopped()
    {
        var guard = Guard();
        Assert.IsNull(guard.Verdict(id: 4, done: 0, elapsed: 2.0, available: 20), "15 x 2 s = 30 s: within twice the 20 s and the slack");
        var stop = guard.Verdict(id: 4, done: 0, elapsed: 3.0, available: 20);
        Assert.IsNotNull(stop, "15 x 3 s = 45 s");
        Assert.AreEqual(45, stop.Value.Projected, 1e-9);
        StringAssert.Contains(stop.Value.Reason, "stopped early: 0 of 15 folds took 3 s, so the trial needs about 45 s, more than the 20 s from its start to the end of the search");
    }

    [TestMethod]
    public void The_first_fold_is_judged_leniently_and_the_later_folds_by_their_pace()
    {
        var guard = Guard();
        Assert.IsNull(guard.Verdict(id: 7, done: 1, elapsed: 2.0, available: 20), "first fold 2 s: 30 s projected, allowed while it rests on one fold");
        Assert.IsNull(guard.Verdict(id: 7, done: 3, elapsed: 2.4, available: 20), "later folds 0.2 s each: 2 + 14 x 0.2 = 4.8 s");
        Assert.IsNull(guard.Verdict(id: 8, done: 1, elapsed: 1.0, available: 20));
        var stop = guard.Verdict(id: 8, done: 2, elapsed: 3.0, available: 20);
        Assert.IsNotNull(stop, "later folds 2 s each: 1 + 14 x 2 = 29 s against 20 s and 3 s of slack");
        StringAssert.Contains(stop.Value.Reason, "2 of 15 folds took 3 s, so the trial needs about 29 s");
    }

    [TestMethod]
    public void A_trial_started_moments_before_the_deadline_is_left_to_the_deadline()
    {
        Assert.IsNull(Guard().Verdict(id: 30, done: 0, elapsed: 0.2, available: 0.3));
        Assert.IsNull(Guard().Verdict(id: 31, done: 1, elapsed: 0.2, available: 0.4));
    }

    [TestMethod]
    public void Without_a_time_budget_nothing_is_stopped() =>
        Assert.IsNull(new PaceGuard(folds: 15, budget: null).Verdict(id: 1, done: 0, elapsed: 1e6, available: 1));

    [TestMethod]
    public void In_a_search_a_trial_that_cannot_finish_fails_early_with_the_reason()
    {
        // Each fold waits 2 s, so a trial needs 10 s of a 4 s budget: stopped as failed after about 1.6 s, not cancelled at the deadline.
        var result = new Experiment(new ExperimentOptions
        {
            TimeBudget = TimeSpan.FromSeconds(4), Parallelism = 1, Learners = [new WaitingLearnerSpace(waitMs: 2_000)], EnsembleSize = 0, Folds = 5, Repeats = 1,
        }).Invoking(e => e.Run(TestData.Iris()));
        StringAssert.Contains(result.Message, "stopped early: 0 of 5 folds took");
    }
}
