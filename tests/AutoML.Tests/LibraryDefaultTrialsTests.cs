using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Tests.Experiments;
using Pipelines.AutoML.Tuners;
using Pipelines.Data;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Trees;

namespace Pipelines.AutoML.Tests;

/// <summary>Each learner's library defaults as a trial of the catalog space, and CFO evaluating given points after its start.</summary>
[TestClass]
public sealed class LibraryDefaultTrialsTests
{
    [TestMethod]
    public void Library_defaults_are_the_estimators_own_options_with_z_scores_for_scale_sensitive_learners()
    {
        var data = LabelTask.WithClassLabel(TestData.Iris());
        var task = LabelTask.Detect(data);
        var space = SearchSpaceCatalog.Create(data.Schema, task);
        var trials = SearchSpaceCatalog.LibraryDefaultTrials(space, data.Schema, task);

        var gbdt = trials["gbdt"].GetSection(SearchSpaceCatalog.Learner);
        Assert.AreEqual(new GbdtClassifier().Rounds, gbdt.GetInt("rounds"));
        Assert.AreEqual(new GbdtClassifier().NumLeaves, gbdt.GetInt("num_leaves"));
        Assert.AreEqual("none", trials["gbdt"].GetString(SearchSpaceCatalog.Scaling), "trees ignore scale");

        var forest = trials["random_forest"].GetSection(SearchSpaceCatalog.Learner);
        Assert.AreEqual(100, forest.GetInt("n_estimators"));
        Assert.AreEqual(0.5, forest.GetDouble("max_features"), 0.05, "√4 of 4 iris features");

        Assert.AreEqual("zscore", trials["linear"].GetString(SearchSpaceCatalog.Scaling), "L-BFGS penalties depend on scale");
        var mlp = trials["mlp"].GetSection(SearchSpaceCatalog.Learner);
        Assert.AreEqual(new MlpClassifier().HiddenSizes.Count, mlp.GetInt("layers"));
        Assert.AreEqual(new MlpClassifier().Epochs, mlp.GetInt("epochs"));
        Assert.AreEqual(0.001, mlp.GetDouble("learning_rate"), 1e-6);
        foreach (var (name, parameters) in trials) Assert.AreEqual(name, parameters.GetString(SearchSpaceCatalog.Learner));
    }

    [TestMethod]
    public void Cfo_evaluates_given_points_after_its_start_and_moves_to_a_better_one()
    {
        var space = new ParameterSpace(("x", new FloatRange(0, 1, defaultValue: 0)), ("y", new FloatRange(0, 1, defaultValue: 0)));
        var given = Parameters.FromJson(new() { ["x"] = 0.75, ["y"] = 0.75 });
        var cfo = new CfoTuner(space, seed: 1, pointsToEvaluate: [given]);
        static double Loss(Parameters p) => Math.Pow(p.GetDouble("x") - 0.8, 2) + Math.Pow(p.GetDouble("y") - 0.8, 2);

        var start = cfo.Propose();
        Assert.AreEqual(0, start.Parameters.GetDouble("x"), 1e-9, "the low-cost start comes first");
        cfo.Report(start, Loss(start.Parameters), 1, failed: false);
        var second = cfo.Propose();
        Assert.AreEqual(0.75, second.Parameters.GetDouble("x"), 1e-9, "then the given point");
        cfo.Report(second, Loss(second.Parameters), 1, failed: false);

        // The local search now steps around the given point, its incumbent: every proposal lies within one step of it.
        var next = cfo.Propose();
        var distance = Math.Sqrt(Math.Pow(next.Point[0] - 0.75, 2) + Math.Pow(next.Point[1] - 0.75, 2));
        Assert.IsLessThanOrEqualTo(cfo.Step + 1e-9, distance);
        Assert.AreEqual(Loss(second.Parameters), cfo.IncumbentLoss);
    }

    [TestMethod]
    public void A_start_reported_after_a_better_given_point_does_not_replace_it()
    {
        var space = new ParameterSpace(("x", new FloatRange(0, 1, defaultValue: 0)));
        var cfo = new CfoTuner(space, seed: 1, pointsToEvaluate: [Parameters.FromJson(new() { ["x"] = 0.5 })]);
        var start = cfo.Propose();
        var given = cfo.Propose();
        cfo.Report(given, 0.1, 1, failed: false);
        cfo.Report(start, 0.9, 1, failed: false);
        Assert.AreEqual(0.1, cfo.IncumbentLoss);
    }
}
