using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Tuners;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Tests.Contract;

namespace Pipelines.AutoML.Tests;

[TestClass]
public sealed class PipelineFactoryTests
{
    /// <summary>A learner whose hyperparameters are pinned to the wrapped learner's defaults (constants), to keep fits cheap.</summary>
    private sealed class DefaultsOnly(ILearnerSpace inner) : ILearnerSpace
    {
        public string Name => inner.Name;
        public double RelativeCost => inner.RelativeCost;
        public bool AcceptsCategorical => inner.AcceptsCategorical;
        public bool Supports(PredictionTask task) => inner.Supports(task);

        public ParameterSpace Space(PredictionTask task)
        {
            var defaults = inner.Space(task).Default;
            return new ParameterSpace([.. defaults.Names.Select(n => (n, (Parameter)new Constant(defaults.Get(n))))]);
        }

        public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed) => inner.Create(parameters, task, seed);

        public double EstimateCost(Parameters parameters) => inner.EstimateCost(parameters);
    }

    private static DataFrame Binary() => ContractData.WithMissing().Without("note");

    [TestMethod]
    public void Every_choice_combination_builds_and_fits()
    {
        var data = Binary();
        var learners = SearchSpaceCatalog.DefaultLearners.Select(l => (ILearnerSpace)new DefaultsOnly(l)).ToArray();
        var space = SearchSpaceCatalog.Create(data.Schema, PredictionTask.BinaryClassification, learners);
        var grid = new GridSearchTuner(space, points: 1);
        var count = 0;
        while (!grid.IsDone)
        {
            var p = grid.Propose().Parameters;
            var chain = PipelineFactory.Create(p, data.Schema, PredictionTask.BinaryClassification, learners, seed: 1);
            var output = chain.Fit(data).Transform(data);
            Assert.AreEqual(data.RowCount, output.RowCount, p.ToString());
            Assert.IsTrue(output.Contains("PredictedLabel"), p.ToString());
            count++;
        }
        Assert.AreEqual(3 * 3 * 2 * 2 * 4 * SearchSpaceCatalog.DefaultLearners.Count, count);
    }

    [TestMethod]
    [DataRow(PredictionTask.Regression)]
    [DataRow(PredictionTask.MulticlassClassification)]
    public void Random_points_of_the_full_space_fit_for_other_tasks(PredictionTask task)
    {
        var data = task == PredictionTask.Regression ? ContractData.Regression().Without("note")
            : ContractData.Standard().Without("note", "y").WithLabel("color");
        var space = SearchSpaceCatalog.Create(data.Schema, task);
        var random = new RandomSearchTuner(space, seed: 2);
        var learners = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var p = random.Propose().Parameters;
            learners.Add(p.GetString("learner"));
            // Keep the random draws cheap: the full ranges reach 1024 rounds / 512 trees / 200 epochs.
            var cheap = space.Decode(Cheapen(space, p));
            var output = PipelineFactory.Create(cheap, data.Schema, task, seed: 3).Fit(data).Transform(data);
            Assert.AreEqual(data.RowCount, output.RowCount, cheap.ToString());
        }
        Assert.HasCount(SearchSpaceCatalog.DefaultLearners.Count(l => l.Supports(task)), learners);
        if (task == PredictionTask.Regression) Assert.IsFalse(space.Names.Contains(SearchSpaceCatalog.Rebalancing));
    }

    [TestMethod]
    public void Default_space_starts_cheap_and_the_same_seed_gives_the_same_predictions()
    {
        var data = Binary();
        var space = SearchSpaceCatalog.Create(data.Schema, PredictionTask.BinaryClassification);
        var p = space.Default;
        Assert.AreEqual("gbdt", p.GetString("learner"));
        Assert.AreEqual(4, p.GetSection("learner").GetInt("rounds"));
        Assert.AreEqual("none", p.GetString("rebalancing"));
        var a = PipelineFactory.Create(p, data.Schema, PredictionTask.BinaryClassification, seed: 5).Fit(data).Transform(data);
        var b = PipelineFactory.Create(p, data.Schema, PredictionTask.BinaryClassification, seed: 5).Fit(data).Transform(data);
        Assert.IsTrue(a.ContentEquals(b));
        Assert.AreEqual(1.0, SearchSpaceCatalog.RelativeCosts()["gbdt"]);
    }

    [TestMethod]
    public void Text_features_and_unknown_learners_are_refused()
    {
        var data = ContractData.Standard();
        StringAssert.Contains(Assert.ThrowsExactly<SchemaException>(() => SearchSpaceCatalog.Create(data.Schema, PredictionTask.BinaryClassification)).Message, "note");
        var schema = Binary().Schema;
        var json = """{"learner": {"choice": {"forest": {}}}}""";
        var p = SearchSpaceJson.Read(json).Default;
        StringAssert.Contains(Assert.ThrowsExactly<SearchSpaceException>(() => PipelineFactory.Create(p, schema, PredictionTask.BinaryClassification)).Message, "forest");
    }

    [TestMethod]
    public void Hand_written_space_without_pipeline_steps_builds_learner_with_needed_encoding()
    {
        var data = Binary();
        var p = SearchSpaceJson.Read("""{"learner": {"choice": {"linear": {"l2": 0.01, "l1": 1e-6}}}}""").Default;
        var chain = PipelineFactory.Create(p, data.Schema, PredictionTask.BinaryClassification);
        Assert.HasCount(3, chain.Steps); // impute, one-hot (linear needs numbers), learner
        Assert.AreEqual(data.RowCount, chain.Fit(data).Transform(data).RowCount);
    }

    /// <summary>The point with learner rounds/trees/leaves/epochs/widths pulled to their cheap end.</summary>
    private static double[] Cheapen(ParameterSpace space, Parameters p)
    {
        var point = space.Encode(p);
        for (var d = 0; d < space.Dimension; d++)
        {
            var path = space.Dimensions[d].Path;
            if (new[] { ".rounds", ".n_estimators", ".max_leaves", ".epochs", ".width", ".number_of_trees", ".number_of_leaves" }.Any(suffix => path.EndsWith(suffix, StringComparison.Ordinal)))
                point[d] = Math.Min(point[d], 0.3);
        }
        return point;
    }
}
