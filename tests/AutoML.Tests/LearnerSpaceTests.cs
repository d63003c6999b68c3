using Pipelines.AutoML.SearchSpace;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Prediction;
using Pipelines.Trainers.Trees;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.AutoML.Tests;

/// <summary>The catalog's learners: the default list, the forest spaces, and the deterministic cost estimates.</summary>
[TestClass]
public sealed class LearnerSpaceTests
{
    private static readonly PredictionTask[] Tasks = [PredictionTask.BinaryClassification, PredictionTask.MulticlassClassification, PredictionTask.Regression];

    private static ILearnerSpace Learner(string name) => SearchSpaceCatalog.DefaultLearners.Single(l => l.Name == name);

    /// <summary>The learner's default parameters with <paramref name="changes"/> applied.</summary>
    private static Parameters With(ILearnerSpace learner, params (string Name, double Value)[] changes) =>
        With(learner.Space(PredictionTask.BinaryClassification).Default, changes);

    /// <summary><paramref name="start"/> with <paramref name="changes"/> applied (each must be one of its parameters).</summary>
    private static Parameters With(Parameters start, params (string Name, double Value)[] changes)
    {
        var json = start.ToJsonNode();
        foreach (var (name, value) in changes)
        {
            Assert.IsTrue(json.ContainsKey(name), $"no parameter '{name}' in {start}");
            json[name] = value;
        }
        return Parameters.FromJson(json);
    }

    [TestMethod]
    public void Default_learners_come_in_order_with_their_relative_costs()
    {
        CollectionAssert.AreEqual(new[] { "gbdt", "random_forest", "extra_trees", "linear", "mlp", "lightgbm", "fasttree", "fastforest", "lbfgs", "sdca" },
            SearchSpaceCatalog.DefaultLearners.Select(l => l.Name).ToArray());
        var costs = SearchSpaceCatalog.RelativeCosts();
        Assert.AreEqual(1.1, costs["random_forest"]);
        Assert.AreEqual(0.8, costs["extra_trees"]);
        Assert.IsTrue(ForestLearnerSpace.RandomForest.AcceptsCategorical && ForestLearnerSpace.ExtraTrees.AcceptsCategorical);
    }

    [TestMethod]
    public void Every_multiclass_learner_fitted_on_rows_that_lack_a_class_predicts_every_class_and_learns_the_rest()
    {
        // Three classes, the middle one absent, as in a fold without a class of one row: read as two classes, the
        // binary models learnt 'c' as the negative of 'b' and gave 'c' rows a probability of 0. At library defaults
        // (the low-cost start of some is too short a fit to tell the classes apart).
        var random = new Random(1);
        var codes = Enumerable.Range(0, 120).Select(i => i % 2 == 0 ? 0 : 2).ToArray();
        var x = codes.Select(c => c + (float)random.NextDouble()).ToArray();
        var frame = new DataFrame([new NumericColumn("x", x), new NumericColumn("z", [.. x.Select(v => v * 0.5f + (float)random.NextDouble())]),
            new CategoricalColumn("y", codes, ["a", "b", "c"])], label: "y");
        var task = PredictionTask.MulticlassClassification;
        foreach (var learner in SearchSpaceCatalog.DefaultLearners.Where(l => l.Supports(task)))
        {
            var parameters = With(learner.Space(task).Default, [.. learner.LibraryDefaults(task, 2).Select(p => (p.Key, p.Value))]);
            var output = learner.Create(parameters, task, 1).Fit(frame).Transform(frame);
            double Mean(string label, int code) => Enumerable.Range(0, codes.Length).Where(r => codes[r] == code).Average(r => ((NumericColumn)output[PredictionColumns.Probability(label)])[r]);
            Assert.IsGreaterThan(Mean("a", 2), Mean("c", 2), $"{learner.Name}: 'c' rows");
            Assert.IsGreaterThan(Mean("c", 0), Mean("a", 0), $"{learner.Name}: 'a' rows");
            Assert.IsLessThan(Mean("a", 0), Mean("b", 0), $"{learner.Name}: 'b', never seen, on 'a' rows");
            Assert.IsLessThan(Mean("c", 2), Mean("b", 2), $"{learner.Name}: 'b', never seen, on 'c' rows");
        }
    }

    [TestMethod]
    public void Every_regressor_reads_a_label_of_a_few_whole_numbers_as_values()
    {
        // A rating from 1 to 5 that a run regresses: read as classes, the linear and MLP regressors refused it.
        var random = new Random(2);
        var x = Enumerable.Range(0, 150).Select(_ => (float)random.NextDouble() * 4).ToArray();
        var rating = x.Select(v => MathF.Round(1 + v + (float)random.NextDouble() * 0.5f)).ToArray();
        var frame = new DataFrame([new NumericColumn("x", x), new NumericColumn("rating", rating)], label: "rating");
        var task = PredictionTask.Regression;
        foreach (var learner in SearchSpaceCatalog.DefaultLearners.Where(l => l.Supports(task)))
        {
            var parameters = With(learner.Space(task).Default, [.. learner.LibraryDefaults(task, 1).Select(p => (p.Key, p.Value))]);
            var output = learner.Create(parameters, task, 1).Fit(frame).Transform(frame);
            var score = (NumericColumn)output[PredictionColumns.Score];
            var correlation = Correlation([.. Enumerable.Range(0, rating.Length).Select(r => (double)score[r])], [.. rating.Select(v => (double)v)]);
            Assert.IsGreaterThan(0.8, correlation, $"{learner.Name}: the predicted values follow the rating");
        }
    }

    private static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        var cov = a.Zip(b).Sum(p => (p.First - ma) * (p.Second - mb));
        return cov / Math.Sqrt(a.Sum(v => (v - ma) * (v - ma)) * b.Sum(v => (v - mb) * (v - mb)));
    }

    [TestMethod]
    public void Estimated_cost_at_the_defaults_is_the_relative_cost()
    {
        foreach (var learner in SearchSpaceCatalog.DefaultLearners)
        {
            foreach (var task in Tasks)
                Assert.AreEqual(learner.RelativeCost, learner.EstimateCost(learner.Space(task).Default), 1e-12, $"{learner.Name}, {task}");
        }
    }

    [TestMethod]
    public void Gbdt_cost_follows_rounds_leaves_and_sampling()
    {
        var gbdt = Learner("gbdt");
        Assert.AreEqual(0.6 + (0.1 * 64 * Math.Pow(4, 0.65)), gbdt.EstimateCost(With(gbdt, ("rounds", 64), ("num_leaves", 16))), 1e-12);
        Assert.AreEqual(0.6 + (0.1 * 64 * Math.Pow(16, 0.65)), gbdt.EstimateCost(With(gbdt, ("rounds", 64), ("num_leaves", 256))), 1e-12, "leaves beyond 64 cost as 64");
        AssertIncreasing(gbdt, "rounds", 4, 16, 64, 1024);
        AssertIncreasing(gbdt, "num_leaves", 4, 8, 32, 64);
        AssertIncreasing(gbdt, "row_subsample", 0.5, 0.8, 1);
        AssertIncreasing(gbdt, "column_subsample", 0.3, 0.6, 1);
        Assert.AreEqual(gbdt.EstimateCost(With(gbdt, ("learning_rate", 0.01))), gbdt.EstimateCost(With(gbdt, ("learning_rate", 0.5))), "the step size costs nothing");
    }

    [TestMethod]
    public void Forest_cost_follows_trees_leaves_and_features()
    {
        foreach (var forest in new[] { ForestLearnerSpace.RandomForest, ForestLearnerSpace.ExtraTrees })
        {
            var perTree = (forest.RelativeCost - 0.5) / 4;
            Assert.AreEqual(0.5 + (perTree * 64 * Math.Pow(16, 0.6) * 0.7), forest.EstimateCost(With(forest, ("n_estimators", 64), ("max_leaves", 64), ("max_features", 0.5))), 1e-12, forest.Name);
            AssertIncreasing(forest, "n_estimators", 4, 32, 512);
            AssertIncreasing(forest, "max_leaves", 4, 16, 256);
            AssertIncreasing(forest, "max_features", 0.1, 0.5, 1);
            var grown = With(forest, ("max_leaves", 2048));
            Assert.IsGreaterThan(forest.EstimateCost(With(grown, ("min_samples_leaf", 16))), forest.EstimateCost(grown), $"{forest.Name}: leaves of 16 rows or more cap the tree size");
        }
        var unlimited = With(ForestLearnerSpace.RandomForest, ("max_leaves", 2048));
        Assert.AreEqual(ForestLearnerSpace.RandomForest.EstimateCost(With(unlimited, ("max_leaves", 256))), ForestLearnerSpace.RandomForest.EstimateCost(unlimited), 1e-12,
            "a random forest tree costs no more beyond 256 leaves");
    }

    [TestMethod]
    public void Mlp_cost_follows_epochs_width_layers_and_batches_and_linear_is_constant()
    {
        var mlp = Learner("mlp");
        var work = (34 * 64) + (64 * 64) + (32_000 / 128.0);
        Assert.AreEqual(mlp.RelativeCost * 2 * work / 1588, mlp.EstimateCost(With(mlp, ("epochs", 40), ("width", 64), ("layers", 2), ("batch_size", 128))), 1e-9);
        AssertIncreasing(mlp, "epochs", 10, 20, 200);
        AssertIncreasing(mlp, "width", 8, 32, 256);
        AssertIncreasing(mlp, "layers", 1, 2, 3);
        AssertIncreasing(mlp, "batch_size", 256, 64, 16);
        var linear = Learner("linear");
        Assert.AreEqual(linear.RelativeCost, linear.EstimateCost(With(linear, ("l2", 10), ("l1", 0.5))));
    }

    [TestMethod]
    public void Forest_spaces_build_the_forest_of_their_kind_with_the_parameters()
    {
        var cases = new (ForestLearnerSpace Space, PredictionTask Task, Type Expected)[]
        {
            (ForestLearnerSpace.RandomForest, PredictionTask.BinaryClassification, typeof(RandomForestClassifier)),
            (ForestLearnerSpace.RandomForest, PredictionTask.Regression, typeof(RandomForestRegressor)),
            (ForestLearnerSpace.ExtraTrees, PredictionTask.MulticlassClassification, typeof(ExtraTreesClassifier)),
            (ForestLearnerSpace.ExtraTrees, PredictionTask.Regression, typeof(ExtraTreesRegressor)),
        };
        foreach (var (space, task, expected) in cases)
        {
            var p = With(space, ("n_estimators", 37), ("max_leaves", 100), ("max_features", 0.5), ("min_samples_leaf", 3));
            var options = (ForestOptions)space.Create(p, task, seed: 9);
            Assert.IsInstanceOfType(options, expected);
            Assert.AreEqual(37, options.Trees);
            Assert.AreEqual(100, options.MaxLeaves);
            Assert.AreEqual(MaxFeatures.OfFraction(0.5), options.MaxFeatures);
            Assert.AreEqual(3, options.MinSamplesLeaf);
            Assert.AreEqual(9, options.Seed);
            Assert.IsNull(options.Threads, "the training context decides the threads");
        }
        var gbdt = (GbdtOptions)Learner("gbdt").Create(Learner("gbdt").Space(PredictionTask.Regression).Default, PredictionTask.Regression, seed: 1);
        Assert.IsNull(gbdt.Threads, "the training context decides the threads");
    }

    [TestMethod]
    public void Forest_space_defaults_are_the_cheapest_model_within_flaml_like_ranges()
    {
        var space = ForestLearnerSpace.ExtraTrees.Space(PredictionTask.BinaryClassification);
        var trees = (IntRange)space["n_estimators"];
        Assert.AreEqual((4, 512, 4, true), (trees.Min, trees.Max, trees.Default, trees.Log));
        var features = (FloatRange)space["max_features"];
        Assert.AreEqual((0.1, 1.0, 1.0), (features.Min, features.Max, features.Default));
        Assert.AreEqual(4, ((IntRange)space["max_leaves"]).Default);
        Assert.AreEqual(1, ((IntRange)space["min_samples_leaf"]).Default);
    }

    /// <summary>The learner's cost grows strictly along <paramref name="values"/> of <paramref name="name"/>, the rest at the defaults.</summary>
    private static void AssertIncreasing(ILearnerSpace learner, string name, params double[] values)
    {
        var costs = values.Select(v => learner.EstimateCost(With(learner, (name, v)))).ToArray();
        for (var i = 1; i < costs.Length; i++)
            Assert.IsGreaterThan(costs[i - 1], costs[i], $"{learner.Name}: {name} = {values[i]} should cost more than {values[i - 1]} ({string.Join(", ", costs)})");
    }
}
