using System.Text.Json.Nodes;
using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.Store;
using Pipelines.Data;

namespace Pipelines.AutoML.Tests.Experiments;

[TestClass]
public sealed class SearchBudgetTests
{
    [TestMethod]
    public void A_trial_on_a_sample_is_expected_to_refit_in_proportion_to_all_the_rows()
    {
        var iris = LabelTask.WithClassLabel(TestData.Iris());
        var plan = ValidationPlan.Create(iris, folds: 5, seed: 0, repeats: 1);   // 150 rows: a trial is 5 fits on 120 rows
        var full = Trial(seconds: 2, sample: null);
        Assert.AreEqual(2 * plan.RefitPerTrialSecond, SearchBudget.RefitSeconds(full, plan), 1e-12);
        Assert.AreEqual(2 * plan.RefitPerTrialSecond * 150 / 30, SearchBudget.RefitSeconds(Trial(seconds: 2, sample: 30), plan), 1e-12,
            "a trial on 30 of 150 rows refits five times the rows");
        Assert.AreEqual(SearchBudget.RefitSeconds(full, plan), SearchBudget.RefitSeconds(Trial(seconds: 2, sample: 150), plan), "a sample of every row is all rows");
    }

    [TestMethod]
    public void The_reserve_is_capped_for_refits_that_may_not_happen_but_never_below_the_best_trials_own_refits()
    {
        Assert.AreEqual(0.03 * 30 + 2 * 1.0, SearchBudget.ReserveSeconds(budget: 30, candidates: 1.0, best: 0.4, after: 0), 1e-12, "below the cap");
        Assert.AreEqual(0.25 * 30, SearchBudget.ReserveSeconds(budget: 30, candidates: 10, best: 2, after: 0), 1e-12, "the cap binds");
        Assert.AreEqual(0.30 * 30, SearchBudget.ReserveSeconds(budget: 30, candidates: 10, best: 2, after: 1.5), 1e-12, "a refit after the run raises the cap");
        Assert.AreEqual(6.0 * 2.5, SearchBudget.ReserveSeconds(budget: 30, candidates: 10, best: 6, after: 1.5), 1e-12,
            "the best's refit on the search's rows and again on every row outweighs the cap");
    }

    [TestMethod]
    public void A_trial_limited_to_fewer_repeats_is_expected_to_refit_as_if_it_had_run_them_all()
    {
        var iris = LabelTask.WithClassLabel(TestData.Iris());
        var plan = ValidationPlan.Create(iris, folds: 5, seed: 0, repeats: 3);
        Assert.AreEqual(3 * 2 * plan.RefitPerTrialSecond, SearchBudget.RefitSeconds(Trial(seconds: 2, sample: null, folds: 5), plan), 1e-12,
            "5 of 15 folds in 2 s: all 15 would take 6 s");
        Assert.AreEqual(2 * plan.RefitPerTrialSecond, SearchBudget.RefitSeconds(Trial(seconds: 2, sample: null, folds: 15), plan), 1e-12);
    }

    private static TrialEntry Trial(double seconds, int? sample, int folds = 5) =>
        new(1, "linear", new JsonObject(), sample, TrialStatus.Succeeded, 0.9, [.. Enumerable.Repeat(0.9, folds)], seconds, null, 0, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
