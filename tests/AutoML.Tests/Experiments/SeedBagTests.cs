using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Ensembles;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>On small data the final refit fits one model per repeat seed and averages them; a pipeline without randomness stays one model.</summary>
[TestClass]
public sealed class SeedBagTests
{
    [TestMethod]
    public void A_seeded_learner_ships_the_average_of_one_refit_per_repeat_seed()
    {
        ILearnerSpace[] learners = [ForestLearnerSpace.RandomForest];
        var result = new Experiment(new ExperimentOptions { MaxTrials = 1, EnsembleSize = 0, Learners = learners, Seed = 5 }).Run(TestData.Iris());

        var bag = ModelOf(result.Model) as WeightedEnsemble;
        Assert.IsNotNull(bag, $"expected a seed average, got {ModelOf(result.Model).GetType().Name}");
        Assert.HasCount(ValidationPlan.SmallDataRepeats, bag.Members);
        foreach (var weight in bag.Weights) Assert.AreEqual(1.0 / 3, weight, 1e-12);

        // The same trial refitted by hand with seeds 5, 6 and 7, averaged.
        var frame = LabelTask.WithClassLabel(TestData.Iris());
        var task = LabelTask.Detect(frame);
        var target = ExperimentTarget.Of(frame, task);
        var parameters = Parameters.FromJson(result.Best.Parameters);
        var expected = new double[150 * 3];
        foreach (var seed in new[] { 5, 6, 7 })
        {
            var predicted = new float[expected.Length];
            target.ReadPredictions(PipelineFactory.Create(parameters, frame.Schema, task, learners, seed).Fit(frame).Transform(frame), predicted, 0);
            for (var i = 0; i < expected.Length; i++) expected[i] += predicted[i] / 3.0;
        }
        var actual = new float[expected.Length];
        target.ReadPredictions(bag.Transform(frame), actual, 0);
        for (var i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], 1e-5, $"value {i}");
    }

    [TestMethod]
    public void A_pipeline_without_randomness_stays_one_model()
    {
        ILearnerSpace[] learners = [new LinearLearnerSpace()];
        var result = new Experiment(new ExperimentOptions { MaxTrials = 1, EnsembleSize = 0, Learners = learners }).Run(TestData.Iris());
        Assert.IsInstanceOfType<TransformerChain>(ModelOf(result.Model), "three equal refits merge into one");
    }

    [TestMethod]
    public void Without_repeats_the_refit_is_one_fit()
    {
        ILearnerSpace[] learners = [ForestLearnerSpace.RandomForest];
        var result = new Experiment(new ExperimentOptions { MaxTrials = 1, EnsembleSize = 0, Learners = learners, Repeats = 1 }).Run(TestData.Iris());
        Assert.IsInstanceOfType<TransformerChain>(ModelOf(result.Model));
    }

    /// <summary>The fitted model before the decision step the experiment appends to classifiers.</summary>
    private static ITransformer ModelOf(ITransformer model) => ((TransformerChain)model).Steps[0];
}
