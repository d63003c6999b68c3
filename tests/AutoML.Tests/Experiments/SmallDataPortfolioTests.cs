using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Evaluation;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>On small data the final model is the log-loss blend of the learners' library-defaults trials unless the search clearly beats it.</summary>
[TestClass]
public sealed class SmallDataPortfolioTests
{
    [TestMethod]
    [TestCategory("EndToEnd")]
    public void The_library_defaults_blend_is_the_final_model_when_the_search_does_not_clearly_beat_it()
    {
        ILearnerSpace[] learners = [new GbdtLearnerSpace(), ForestLearnerSpace.ExtraTrees, new LinearLearnerSpace()];
        var result = new Experiment(new ExperimentOptions { MaxTrials = 8, Learners = learners }).Run(Wine());

        var portfolio = result.Ensemble!;
        Assert.IsTrue(portfolio is { IsUsed: true, OfLibraryDefaults: true }, $"ensemble {portfolio}");
        var frame = LabelTask.WithClassLabel(Wine());
        var task = LabelTask.Detect(frame);
        var space = SearchSpaceCatalog.Create(frame.Schema, task, learners);
        var defaults = SearchSpaceCatalog.LibraryDefaultTrials(space, frame.Schema, task, learners);
        foreach (var (trial, _) in portfolio.Members)
        {
            var entry = result.Trials.Single(t => t.Id == trial);
            Assert.AreEqual(defaults[entry.Learner!], Parameters.FromJson(entry.Parameters), $"member {trial} is {entry.Learner}'s library-defaults trial");
        }
        var standardError = Math.Sqrt(Math.Max(result.Best.Score!.Value * (1 - result.Best.Score.Value), 1.0 / 178) / 178);
        Assert.IsLessThanOrEqualTo(2 * standardError + 1e-9, result.Best.Score.Value - portfolio.Score, "the search's best is not more than two standard errors above");
        CollectionAssert.AreEqual(portfolio.Members.Select(m => (m.Trial, m.Weight)).ToArray(),
            result.Recipe.Members.Select(m => (m.Trial, m.Weight)).ToArray(), "the final model is the portfolio's blend");
    }

    [TestMethod]
    [TestCategory("EndToEnd")]
    public void A_search_that_clearly_beats_poor_library_defaults_keeps_its_choice()
    {
        ILearnerSpace[] learners = [new OverRegularizedLinearSpace()];
        var result = new Experiment(new ExperimentOptions { MaxTrials = 12, Learners = learners }).Run(Wine());

        Assert.IsFalse(result.Ensemble is { OfLibraryDefaults: true }, $"ensemble {result.Ensemble}");
        var frame = LabelTask.WithClassLabel(Wine());
        var task = LabelTask.Detect(frame);
        var defaults = SearchSpaceCatalog.LibraryDefaultTrials(SearchSpaceCatalog.Create(frame.Schema, task, learners), frame.Schema, task, learners)["linear"];
        var defaultsTrial = result.Trials.Single(t => Parameters.FromJson(t.Parameters).Equals(defaults));
        Assert.IsLessThan(0.8, defaultsTrial.Score!.Value, "so much regularization leaves the model almost constant");
        Assert.IsGreaterThan(0.9, result.Score);
    }

    private static DataFrame Wine() => TestData.Read("wine.csv", "cultivar");

    /// <summary>The linear learner with library defaults so regularized that every weight is zero.</summary>
    private sealed class OverRegularizedLinearSpace : ILearnerSpace
    {
        private readonly LinearLearnerSpace _linear = new();

        public string Name => _linear.Name;
        public double RelativeCost => _linear.RelativeCost;
        public bool AcceptsCategorical => _linear.AcceptsCategorical;
        public bool IsScaleSensitive => true;
        public bool Supports(PredictionTask task) => _linear.Supports(task);
        public ParameterSpace Space(PredictionTask task) => _linear.Space(task);
        public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed) => _linear.Create(parameters, task, seed);
        public IReadOnlyDictionary<string, double> LibraryDefaults(PredictionTask task, int featureCount) => new Dictionary<string, double> { ["l2"] = 10, ["l1"] = 1 };
    }
}
