using Pipelines.AutoML.Experiments;
using Pipelines.AutoML.SearchSpace;
using Pipelines.AutoML.Store;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.MLNet.Trainers;
using Pipelines.AutoML.Tests.Experiments;

namespace Pipelines.AutoML.Tests;

/// <summary>ML.NET's trainers as AutoML learners: their spaces, defaults, costs, the factory, selection by name, and a search over them.</summary>
[TestClass]
public sealed class MLNetLearnerSpaceTests
{
    private static readonly PredictionTask[] Tasks = [PredictionTask.BinaryClassification, PredictionTask.MulticlassClassification, PredictionTask.Regression];

    private static ILearnerSpace Learner(string name) => SearchSpaceCatalog.MLNetLearners.Single(l => l.Name == name);

    private static Parameters With(ILearnerSpace learner, PredictionTask task, params (string Name, double Value)[] changes)
    {
        var json = learner.Space(task).Default.ToJsonNode();
        foreach (var (name, value) in changes)
        {
            Assert.IsTrue(json.ContainsKey(name), $"no parameter '{name}' in {learner.Name}");
            json[name] = value;
        }
        return Parameters.FromJson(json);
    }

    [TestMethod]
    public void The_five_trainers_are_default_learners_and_support_what_ML_NET_has()
    {
        CollectionAssert.AreEqual(new[] { "lightgbm", "fasttree", "fastforest", "lbfgs", "sdca" }, SearchSpaceCatalog.MLNetLearners.Select(l => l.Name).ToArray());
        Assert.IsTrue(SearchSpaceCatalog.MLNetLearners.All(SearchSpaceCatalog.DefaultLearners.Contains), "the benchmark suite put them among the defaults");
        Assert.IsTrue(SearchSpaceCatalog.MLNetLearners.All(l => !l.AcceptsCategorical), "categoricals are encoded before ML.NET's trainers");
        Assert.IsFalse(Learner("fasttree").Supports(PredictionTask.MulticlassClassification));
        Assert.IsFalse(Learner("fastforest").Supports(PredictionTask.MulticlassClassification));
        Assert.IsFalse(Learner("lbfgs").Supports(PredictionTask.Regression));
        Assert.IsTrue(Learner("lightgbm").Supports(PredictionTask.MulticlassClassification) && Learner("sdca").Supports(PredictionTask.Regression));
        Assert.IsTrue(Learner("lbfgs").IsScaleSensitive && Learner("sdca").IsScaleSensitive);
    }

    [TestMethod]
    public void Estimated_cost_is_the_relative_cost_at_the_defaults_and_grows_with_trees_and_leaves()
    {
        foreach (var learner in SearchSpaceCatalog.MLNetLearners)
        {
            foreach (var task in Tasks.Where(learner.Supports))
                Assert.AreEqual(learner.RelativeCost, learner.EstimateCost(learner.Space(task).Default), 1e-12, $"{learner.Name}, {task}");
        }
        foreach (var name in new[] { "lightgbm", "fasttree", "fastforest" })
        {
            var learner = Learner(name);
            double Cost(int trees, int leaves) => learner.EstimateCost(With(learner, PredictionTask.BinaryClassification, ("number_of_trees", trees), ("number_of_leaves", leaves)));
            Assert.IsTrue(Cost(4, 4) < Cost(64, 4) && Cost(64, 4) < Cost(256, 4), $"{name}: more trees cost more");
            Assert.IsTrue(Cost(64, 4) < Cost(64, 16) && Cost(64, 16) < Cost(64, 64), $"{name}: more leaves cost more");
        }
    }

    [TestMethod]
    public void Library_defaults_are_ML_NET_s_and_land_in_the_space()
    {
        var lightgbm = Learner("lightgbm").LibraryDefaults(PredictionTask.BinaryClassification, 10);
        Assert.AreEqual(100, lightgbm["number_of_trees"]);
        Assert.AreEqual(0.2, lightgbm["learning_rate"]);
        Assert.AreEqual(20, lightgbm["number_of_leaves"]);
        Assert.AreEqual(0.01, lightgbm["l2_regularization"]);
        Assert.AreEqual(0.7, Learner("fastforest").LibraryDefaults(PredictionTask.Regression, 10)["feature_fraction"]);
        Assert.AreEqual(0, Learner("lbfgs").LibraryDefaults(PredictionTask.BinaryClassification, 10).Count, "AutoML's lbfgs defaults are the trainer's");

        var data = TestData.Read("breast_cancer.csv", "diagnosis");
        var task = PredictionTask.BinaryClassification;
        var space = SearchSpaceCatalog.Create(data.Schema, task, SearchSpaceCatalog.MLNetLearners);
        var trials = SearchSpaceCatalog.LibraryDefaultTrials(space, data.Schema, task, SearchSpaceCatalog.MLNetLearners);
        var section = trials["lightgbm"].GetSection(SearchSpaceCatalog.Learner);
        Assert.AreEqual(100, section.GetInt("number_of_trees"));
        Assert.AreEqual(0.2, section.GetDouble("learning_rate"), 1e-9);
        Assert.AreEqual("zscore", trials["lbfgs"].GetString(SearchSpaceCatalog.Scaling), "a scale-sensitive learner's defaults trial is z-scored");
    }

    [TestMethod]
    public void The_factory_builds_the_trainer_of_the_task_with_the_parameters_and_seed()
    {
        var lightgbm = Learner("lightgbm");
        var p = With(lightgbm, PredictionTask.Regression, ("number_of_trees", 37), ("number_of_leaves", 9), ("subsample_fraction", 0.5), ("l1_regularization", 0.01));
        var regressor = (LightGbmRegressor)lightgbm.Create(p, PredictionTask.Regression, seed: 9);
        Assert.AreEqual(37, regressor.NumberOfIterations);
        Assert.AreEqual(9, regressor.NumberOfLeaves);
        Assert.AreEqual(0.5, regressor.SubsampleFraction, 1e-9);
        Assert.AreEqual(0.01, regressor.L1Regularization, 1e-9);
        Assert.AreEqual(9, regressor.Seed);
        Assert.IsNull(regressor.Threads, "the training context decides the threads");
        Assert.IsInstanceOfType<LightGbmClassifier>(lightgbm.Create(lightgbm.Space(PredictionTask.MulticlassClassification).Default, PredictionTask.MulticlassClassification, 1));
        Assert.IsInstanceOfType<FastTreeRegressor>(Learner("fasttree").Create(Learner("fasttree").Space(PredictionTask.Regression).Default, PredictionTask.Regression, 1));
        Assert.IsInstanceOfType<FastForestClassifier>(Learner("fastforest").Create(Learner("fastforest").Space(PredictionTask.BinaryClassification).Default, PredictionTask.BinaryClassification, 1));
        var lbfgs = (LbfgsClassifier)Learner("lbfgs").Create(With(Learner("lbfgs"), PredictionTask.BinaryClassification, ("l1_regularization", 2)), PredictionTask.BinaryClassification, 1);
        Assert.AreEqual(2f, lbfgs.L1Regularization);
        var sdca = (SdcaRegressor)Learner("sdca").Create(Learner("sdca").Space(PredictionTask.Regression).Default, PredictionTask.Regression, 1);
        Assert.AreEqual(0.1f, sdca.L2Regularization);
    }

    [TestMethod]
    public void Learners_are_chosen_by_name_and_group_and_an_unknown_name_lists_the_known()
    {
        CollectionAssert.AreEqual(new[] { "gbdt", "lightgbm", "fasttree", "fastforest", "lbfgs", "sdca" }, LearnerSelection.Parse("gbdt, mlnet").Select(l => l.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "lightgbm", "linear" }, LearnerSelection.Parse("LightGbm,linear,lightgbm").Select(l => l.Name).ToArray());
        CollectionAssert.AreEqual(SearchSpaceCatalog.DefaultLearners.ToArray(), LearnerSelection.Parse("default").ToArray());
        var error = Assert.ThrowsExactly<SearchSpaceException>(() => LearnerSelection.Parse("gbdt,xgboost"));
        StringAssert.Contains(error.Message, "'xgboost' in learners 'gbdt,xgboost' is not a learner; known: gbdt, random_forest, extra_trees, linear, mlp, lightgbm, fasttree, fastforest, lbfgs, sdca, or the groups 'mlnet'");
        Assert.ThrowsExactly<SearchSpaceException>(() => LearnerSelection.Parse("gbdt,,linear"));
    }

    [TestMethod]
    public void A_search_over_ML_NET_s_trainers_runs_every_trial_and_is_reproducible()
    {
        var data = TestData.Read("breast_cancer.csv", "diagnosis");
        ExperimentResult Run() => new Experiment(new ExperimentOptions { MaxTrials = 10, Learners = SearchSpaceCatalog.MLNetLearners, Seed = 4, Folds = 3, Repeats = 1 }).Run(data);
        var first = Run();
        Assert.IsTrue(first.Trials.All(t => t.Status == TrialStatus.Succeeded), string.Join("\n", first.Trials.Select(t => $"{t.Learner}: {t.Error}")));
        var learners = first.Trials.Select(t => t.Learner).Distinct().ToArray();
        Assert.IsGreaterThanOrEqualTo(4, learners.Length, "the ECI tuner tries most learners early: " + string.Join(", ", learners));
        Assert.IsGreaterThan(0.9, first.Best.Score!.Value);
        var second = Run();
        CollectionAssert.AreEqual(first.Trials.Select(t => t.Score).ToArray(), second.Trials.Select(t => t.Score).ToArray(), "the same seed gives the same trials");
    }
}
