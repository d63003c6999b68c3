using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.Prediction;
using Pipelines.Tests.Contract;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>The final model's recipe refits the same pipelines, weights, seeds and decision step on other rows.</summary>
[TestClass]
public sealed class FinalModelRecipeTests
{
    private static readonly ILearnerSpace[] Cheap = [new GbdtLearnerSpace(), new LinearLearnerSpace()];

    [TestMethod]
    public void Refit_on_the_experiments_own_rows_gives_the_model_it_returned()
    {
        var data = ContractData.Standard();
        var result = new Experiment(new ExperimentOptions { MaxTrials = 6, Parallelism = 2, Learners = Cheap, Folds = 3, Seed = 2 }).Run(data);
        var recipe = result.Recipe;
        var members = result.Ensemble is { IsUsed: true } ensemble ? ensemble.Members : [(result.Best.Id, 1.0)];
        CollectionAssert.AreEqual(members.Select(m => m.Trial).ToArray(), recipe.Members.Select(m => m.Trial).ToArray());
        Assert.AreEqual(1.0, recipe.Members.Sum(m => m.Weight), 1e-9);
        CollectionAssert.AreEqual(new[] { "note" }, recipe.DroppedColumns.ToArray());
        Assert.AreSame(result.Decision!.Step, recipe.Decision, "the decision step fitted out of fold is kept as it is");

        AssertSamePredictions(result.Model.Transform(data), recipe.Refit(data).Transform(data), classes: 2);
    }

    [TestMethod]
    public void Refit_on_more_rows_fits_the_same_pipeline_and_seeds_on_every_row_under_the_same_decision_step()
    {
        var iris = TestData.Iris();
        var split = Split.TrainTest(iris, 1 / 3.0, seed: 4);
        ILearnerSpace[] learners = [ForestLearnerSpace.RandomForest];
        var result = new Experiment(new ExperimentOptions { MaxTrials = 2, Parallelism = 1, Learners = learners, EnsembleSize = 0, Seed = 5 })
            .Run(iris.Take(split.Train));
        Assert.HasCount(3, result.Recipe.ModelSeeds, "100 rows: three repeats, one model per repeat seed");

        var refit = result.Recipe.Refit(iris);

        // The same trial fitted by hand on all 150 rows with seeds 5, 6 and 7, averaged, then the search's decision step.
        var parameters = Parameters.FromJson(result.Best.Parameters);
        var task = LabelTask.Detect(iris);
        var target = ExperimentTarget.Of(iris, task);
        var average = new float[iris.RowCount * 3];
        foreach (var seed in new[] { 5, 6, 7 })
        {
            var predicted = new float[average.Length];
            target.ReadPredictions(PipelineFactory.Create(parameters, iris.Schema, task, learners, seed).Fit(iris).Transform(iris), predicted, 0);
            for (var i = 0; i < average.Length; i++) average[i] += predicted[i] / 3f;
        }
        var expected = result.Recipe.Decision!.Transform(ProbabilityFrame(average, target.Classes));
        AssertSamePredictions(expected, refit.Transform(iris), classes: 3);

        var before = new float[average.Length];
        var after = new float[average.Length];
        target.ReadPredictions(result.Model.Transform(iris), before, 0);
        target.ReadPredictions(refit.Transform(iris), after, 0);
        Assert.IsTrue(before.Zip(after).Any(p => Math.Abs(p.First - p.Second) > 1e-3), "the held-back rows change the forest");
    }

    [TestMethod]
    public void Refit_refuses_rows_whose_classes_differ_from_the_decision_steps()
    {
        var iris = TestData.Iris();
        var result = new Experiment(new ExperimentOptions { MaxTrials = 1, Learners = [new LinearLearnerSpace()], EnsembleSize = 0 }).Run(iris);
        var label = (CategoricalColumn)iris.Label!;
        var twoClasses = iris.Take([.. Enumerable.Range(0, iris.RowCount).Where(r => label[r] != 0)]);
        var error = Assert.ThrowsExactly<PipelineException>(() => result.Recipe.Refit(twoClasses));
        Assert.Contains("same classes", error.Message);
        Assert.ThrowsExactly<SchemaException>(() => result.Recipe.Refit(iris.WithLabel(null)));
    }

    private static DataFrame ProbabilityFrame(float[] probabilities, IReadOnlyList<string> classes)
    {
        var k = classes.Count;
        var rows = probabilities.Length / k;
        return new DataFrame([.. classes.Select((c, j) => (Column)new NumericColumn(PredictionColumns.Probability(c), [.. Enumerable.Range(0, rows).Select(r => probabilities[r * k + j])]))]);
    }

    private static void AssertSamePredictions(DataFrame expected, DataFrame actual, int classes)
    {
        Assert.AreEqual(expected.RowCount, actual.RowCount);
        var labels = (expected[PredictionColumns.PredictedLabel], actual[PredictionColumns.PredictedLabel]);
        for (var row = 0; row < expected.RowCount; row++) Assert.AreEqual(labels.Item1.FormatValue(row), labels.Item2.FormatValue(row), $"label of row {row}");
        var names = expected.Names.Where(n => n.StartsWith(PredictionColumns.Probability(""), StringComparison.Ordinal)).ToArray();
        Assert.HasCount(classes, names);
        foreach (var name in names)
        {
            var e = ((NumericColumn)expected[name]).ToArray();
            var a = ((NumericColumn)actual[name]).ToArray();
            for (var row = 0; row < e.Length; row++) Assert.AreEqual(e[row], a[row], 1e-5, $"{name} of row {row}");
        }
    }
}
