using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.Data;
using Pipelines.Prediction;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>
/// The final model's refits are checked on the rows they were fitted on: a trial whose refit does not fit them is set
/// aside, and the final model is chosen again without it.
/// </summary>
[TestClass]
public sealed class RefitCheckTests
{
    [TestMethod]
    [TestCategory("EndToEnd")]
    public void A_trial_whose_refit_does_not_fit_its_rows_is_set_aside_and_the_final_model_is_chosen_without_it()
    {
        var wine = TestData.Read("wine.csv", "cultivar");
        // Folds of wine's 178 rows have at most 160; the refit on all 178 goes wrong.
        ILearnerSpace[] learners = [new DivergingLearnerSpace(divergesFromRows: 170), ForestLearnerSpace.ExtraTrees];
        var result = new Experiment(new ExperimentOptions { MaxTrials = 6, Learners = learners }).Run(wine);

        Assert.IsNotEmpty(result.SetAside, "a diverging trial was the best or in the blend");
        foreach (var note in result.SetAside) Assert.Contains("(diverging): its refit on all 178 rows did not fit them (balanced accuracy 0.000 on rows it was fitted on", note);
        Assert.AreEqual("extra_trees", result.Best.Learner);
        Assert.IsTrue(result.Recipe.Members.All(m => result.Trials.Single(t => t.Id == m.Trial).Learner == "extra_trees"), "no member diverges");
        var labels = result.Model.Transform(wine)[PredictionColumns.PredictedLabel];
        var hits = Enumerable.Range(0, wine.RowCount).Count(r => labels.FormatValue(r) == wine.Label!.FormatValue(r));
        Assert.IsGreaterThan(0.95, hits / (double)wine.RowCount, "the final model fits its rows");
    }

    [TestMethod]
    [TestCategory("EndToEnd")]
    public void When_every_kept_trial_fails_its_check_the_search_s_best_ships_and_says_so()
    {
        var wine = TestData.Read("wine.csv", "cultivar");
        var result = new Experiment(new ExperimentOptions { MaxTrials = 3, Learners = [new DivergingLearnerSpace(divergesFromRows: 170)] }).Run(wine);

        Assert.HasCount(4, result.SetAside, "three trials set aside, then the note");
        Assert.StartsWith($"shipped trial {result.Best.Id} nonetheless: no trial left scores above, out of fold, what its refit reached", result.SetAside[^1]);
        Assert.AreEqual(result.Best.Id, result.Recipe.Members.Single().Trial);
    }
}
