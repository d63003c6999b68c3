using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Store;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>
/// The pace guard stops a trial once it plainly cannot finish before the search's deadline, or limits it to the
/// repeats of the folds that can, and leaves alone a trial whose first fold is slow, or one started moments before the
/// deadline. Times are given, not measured, except in the two searches of trials that wait a known time per fold.
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
    public void A_repeated_k_fold_that_cannot_run_all_its_repeats_runs_the_whole_repeats_that_fit()
    {
        // 3 repeats of 5 folds, 30 s budget (3 s of slack): the first fold took 1 s, the next 2 s.
        var guard = new PaceGuard(folds: 15, budget: TimeSpan.FromSeconds(30), repeats: 3);
        Assert.IsNull(guard.Verdict(id: 5, done: 1, elapsed: 1.0, available: 10), "15 s projected from the first fold alone: within twice the 10 s");
        var limit = guard.Verdict(id: 5, done: 2, elapsed: 3.0, available: 10);
        Assert.IsNotNull(limit, "all 15 folds: 1 + 14 x 2 = 29 s; two repeats 19 s; one repeat 9 s, within 10 s and the slack");
        Assert.AreEqual(1, limit.Value.Repeats);
        Assert.IsFalse(limit.Value.Stops);
        Assert.AreEqual(29, limit.Value.Projected, 1e-9, "the tuner is told what all the folds would cost");
        StringAssert.Contains(limit.Value.Reason, "all 15 folds would need about 29 s, more than the 10 s from its start to the end of the search");

        Assert.IsNull(guard.Verdict(id: 5, done: 3, elapsed: 5.0, available: 10, repeatLimit: 1), "held to one repeat, it fits");
        var stop = guard.Verdict(id: 5, done: 3, elapsed: 9.0, available: 10, repeatLimit: 1);
        Assert.IsNotNull(stop, "later folds 4 s each: one repeat needs 1 + 4 x 4 = 17 s");
        Assert.IsTrue(stop.Value.Stops);
        StringAssert.Contains(stop.Value.Reason, "stopped early: 3 of 5 folds took 9 s, so the trial needs about 17 s");
    }

    [TestMethod]
    public void The_repeat_under_way_is_never_cut_short()
    {
        // Six folds done, in the second repeat: one repeat is past, so two is the fewest it can end with. First folds of 1 s.
        var guard = new PaceGuard(folds: 15, budget: TimeSpan.FromSeconds(30), repeats: 3);
        foreach (var id in new[] { 9, 10 }) Assert.IsNull(guard.Verdict(id, done: 1, elapsed: 1.0, available: 10));
        Assert.AreEqual(2, guard.Verdict(id: 9, done: 6, elapsed: 6.0, available: 10)!.Value.Repeats, "1 + 14 x 1 = 15 s for all, 10 s for two repeats");
        Assert.IsTrue(guard.Verdict(id: 10, done: 6, elapsed: 11.0, available: 10)!.Value.Stops, "1 + 9 x 2 = 19 s for two repeats");
        Assert.IsNull(guard.Verdict(id: 11, done: 10, elapsed: 30.0, available: 10, repeatLimit: 2), "done with the repeats it may run: ending now");
    }

    [TestMethod]
    public void Without_a_time_budget_nothing_is_stopped() =>
        Assert.IsNull(new PaceGuard(folds: 15, budget: null).Verdict(id: 1, done: 0, elapsed: 1e6, available: 1));

    [TestMethod]
    public void In_a_search_a_trial_that_cannot_run_every_repeat_succeeds_on_the_repeats_it_ran()
    {
        // Each fold waits 1 s: two repeats of three folds need over 6 s of a 5.5 s budget, one repeat about 3 s.
        var events = new List<ExperimentEvent>();
        var result = new Experiment(new ExperimentOptions
        {
            TimeBudget = TimeSpan.FromSeconds(5.5), Parallelism = 1, Learners = [new WaitingLearnerSpace(waitMs: 1_000)], EnsembleSize = 0, Folds = 3, Repeats = 2, MaxTrials = 1,
        }).Run(TestData.Iris(), events.Add);

        var trial = result.Trials.Single();
        Assert.AreEqual(TrialStatus.Succeeded, trial.Status, trial.Error);
        Assert.HasCount(3, trial.FoldScores);
        StringAssert.Contains(events.OfType<TrialEnded>().Single().Note, "1 of 2 repeats of the folds (3 of 6 folds)");
    }

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
