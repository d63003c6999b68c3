using Pipelines.AutoML.Experiments;
using Pipelines.Data;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>Repeated k-fold on small data: the folds, and out-of-fold predictions averaged over the repeats.</summary>
[TestClass]
public sealed class ValidationPlanTests
{
    [TestMethod]
    public void Small_data_repeats_the_k_fold_with_different_shuffles()
    {
        var plan = ValidationPlan.Create(LabelTask.WithClassLabel(TestData.Iris()), folds: null, seed: 0);
        Assert.AreEqual(ValidationPlan.SmallDataRepeats, plan.Repeats);
        Assert.AreEqual(5, plan.FoldsPerRepeat);
        Assert.HasCount(15, plan.Folds);
        CollectionAssert.AreEqual(Enumerable.Range(0, 150).ToArray(), plan.ValidationRows.ToArray());
        for (var r = 0; r < plan.Repeats; r++)
        {
            var tested = plan.Folds.Skip(r * 5).Take(5).SelectMany(f => f.Test).Order().ToArray();
            CollectionAssert.AreEqual(Enumerable.Range(0, 150).ToArray(), tested, $"repeat {r} tests every row once");
        }
        CollectionAssert.AreNotEquivalent(plan.Folds[0].Test.ToArray(), plan.Folds[5].Test.ToArray(), "each repeat shuffles anew");
        Assert.AreEqual(3.0 / (15 - 3), plan.RefitPerTrialSecond, 1e-12, "a trial is 3 × 4 fits on all rows' worth of fitting; the refit is 3 of them (one per seed)");
        CollectionAssert.AreEqual(new[] { 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 9, 9, 9, 9, 9 }, Enumerable.Range(0, 15).Select(f => plan.ModelSeed(7, f)).ToArray(), "one model seed per repeat");
        CollectionAssert.AreEqual(new[] { 7, 8, 9 }, plan.ModelSeeds(7).ToArray());
    }

    [TestMethod]
    public void Repeats_can_be_given_and_larger_data_runs_the_k_fold_once()
    {
        var iris = LabelTask.WithClassLabel(TestData.Iris());
        Assert.HasCount(5, ValidationPlan.Create(iris, folds: null, seed: 0, repeats: 1).Folds);
        var churn = LabelTask.WithClassLabel(TestData.Read("messy_churn.csv", "churned"));
        Assert.AreEqual(1, ValidationPlan.Create(churn, folds: null, seed: 0).Repeats, "3,000 rows: one k-fold");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ValidationPlan.Create(iris, folds: null, seed: 0, repeats: 0));
    }

    [TestMethod]
    public void Out_of_fold_predictions_average_over_the_repeats_each_with_its_own_model_seed()
    {
        // A seeded learner, so a fold fitted with the wrong seed would show.
        SearchSpace.ILearnerSpace[] learners = [SearchSpace.ForestLearnerSpace.RandomForest];
        var result = new Experiment(new ExperimentOptions { MaxTrials = 1, EnsembleSize = 0, Learners = learners }).Run(TestData.Iris());
        Assert.HasCount(15, result.Trials.Single().FoldScores);

        // The same pipeline fitted on every fold of the plan by hand, seeded by its repeat: each row's three predictions, averaged.
        var frame = LabelTask.WithClassLabel(TestData.Iris());
        var task = LabelTask.Detect(frame);
        var target = ExperimentTarget.Of(frame, task);
        var plan = ValidationPlan.Create(frame, folds: null, seed: 0);
        var parameters = SearchSpace.Parameters.FromJson(result.Trials.Single().Parameters);
        var expected = new double[150 * 3];
        for (var f = 0; f < plan.Folds.Count; f++)
        {
            var fold = plan.Folds[f];
            var model = SearchSpace.PipelineFactory.Create(parameters, frame.Schema, task, learners, plan.ModelSeed(0, f)).Fit(frame.Take(fold.Train));
            var predicted = new float[fold.Test.Length * 3];
            target.ReadPredictions(model.Transform(frame.Take(fold.Test)), predicted, 0);
            for (var i = 0; i < fold.Test.Length; i++)
                for (var k = 0; k < 3; k++) expected[fold.Test[i] * 3 + k] += predicted[i * 3 + k] / 3.0;
        }
        for (var i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], result.OutOfFold[i], 1e-5, $"value {i}");
    }
}
