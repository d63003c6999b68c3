using Pipelines.MLNet.Trainers;
using Pipelines.Trainers.Trees.Prediction;

namespace Pipelines.MLNet.Tests.Trainers;

/// <summary>
/// Each ML.NET learner's model, read into the project's types, predicts in process what ML.NET's own transform of the
/// trained model does, on held-out rows of the shipped data sets; the tree learners on data with NaN, so each split's
/// missing-value direction is exercised.
/// </summary>
[TestClass]
public sealed class MLNetParityTests
{
    [TestMethod]
    public void LightGbm_binary_with_missing_values()
    {
        var (train, test) = MLNetReference.Split("breast_cancer.csv", "diagnosis", missing: true);
        var fit = new LightGbmClassifier { NumberOfIterations = 30, Seed = 1 }.Train(train);
        Assert.IsTrue(fit.Model.Trees.Any(t => Enumerable.Range(0, t.NodeCount).Any(i => t.LeftChild[i] >= 0 && t.DefaultLeft[i])), "some split sends NaN left");
        Assert.IsTrue(fit.Model.Trees.Any(t => Enumerable.Range(0, t.NodeCount).Any(i => t.LeftChild[i] >= 0 && !t.DefaultLeft[i])), "some split sends NaN right");
        MLNetReference.AssertMatches(fit, test);
        MLNetReference.AssertMatches(fit, train);
    }

    [TestMethod]
    public void LightGbm_multiclass_softmax_with_missing_values()
    {
        var (train, test) = MLNetReference.Split("wine.csv", "cultivar", missing: true);
        var fit = new LightGbmClassifier { NumberOfIterations = 20, MinimumExampleCountPerLeaf = 5, Seed = 1 }.Train(train);
        Assert.AreEqual(3, fit.Model.OutputCount);
        MLNetReference.AssertMatches(fit, test);
    }

    [TestMethod]
    public void LightGbm_regression_with_missing_values_and_bagging()
    {
        var (train, test) = MLNetReference.Split("wine.csv", "alcohol", missing: true, regression: true);
        MLNetReference.AssertMatches(new LightGbmRegressor { NumberOfIterations = 30, SubsampleFraction = 0.7, FeatureFraction = 0.8, Seed = 2 }.Train(train), test);
    }

    // FastTree and FastForest train without NaN (ML.NET skips such rows, so they are refused); NaN at prediction goes right.
    [TestMethod]
    public void FastTree_binary_and_regression_predict_missing_values()
    {
        var (train, test) = MLNetReference.Split("breast_cancer.csv", "diagnosis", missing: false);
        MLNetReference.AssertMatches(new FastTreeClassifier { NumberOfTrees = 30, Seed = 1 }.Train(train), MLNetReference.WithMissing(test));
        var (rtrain, rtest) = MLNetReference.Split("wine.csv", "alcohol", missing: false, regression: true);
        MLNetReference.AssertMatches(new FastTreeRegressor { NumberOfTrees = 30, Seed = 1 }.Train(rtrain), MLNetReference.WithMissing(rtest));
    }

    [TestMethod]
    public void FastForest_binary_and_regression_predict_missing_values()
    {
        var (train, test) = MLNetReference.Split("breast_cancer.csv", "diagnosis", missing: false);
        MLNetReference.AssertMatches(new FastForestClassifier { NumberOfTrees = 20, Seed = 1 }.Train(train), MLNetReference.WithMissing(test));
        var (rtrain, rtest) = MLNetReference.Split("wine.csv", "alcohol", missing: false, regression: true);
        MLNetReference.AssertMatches(new FastForestRegressor { NumberOfTrees = 20, Seed = 1 }.Train(rtrain), MLNetReference.WithMissing(rtest));
    }

    [TestMethod]
    public void Lbfgs_logistic_regression_and_maximum_entropy()
    {
        var (train, test) = MLNetReference.Split("breast_cancer.csv", "diagnosis", missing: false);
        MLNetReference.AssertMatches(new LbfgsClassifier().Train(train), test);
        var (mtrain, mtest) = MLNetReference.Split("wine.csv", "cultivar", missing: false);
        MLNetReference.AssertMatches(new LbfgsClassifier { L1Regularization = 0.1f }.Train(mtrain), mtest);
    }

    [TestMethod]
    public void Sdca_maximum_entropy_and_regression()
    {
        var (train, test) = MLNetReference.Split("wine.csv", "cultivar", missing: false);
        MLNetReference.AssertMatches(new SdcaClassifier { Seed = 1 }.Train(train), test);
        var (btrain, btest) = MLNetReference.Split("breast_cancer.csv", "diagnosis", missing: false);
        MLNetReference.AssertMatches(new SdcaClassifier { Seed = 1 }.Train(btrain), btest);
        var (rtrain, rtest) = MLNetReference.Split("wine.csv", "alcohol", missing: false, regression: true);
        MLNetReference.AssertMatches(new SdcaRegressor { Seed = 1 }.Train(rtrain), rtest);
    }

    [TestMethod]
    public void Same_seed_gives_the_same_trees_and_another_seed_other_bagging()
    {
        var (train, _) = MLNetReference.Split("breast_cancer.csv", "diagnosis", missing: true);
        GbdtModel Fit(int seed) => new LightGbmClassifier { NumberOfIterations = 10, SubsampleFraction = 0.5, FeatureFraction = 0.5, Seed = seed }.Fit(train);
        var (a, b, c) = (Fit(4), Fit(4), Fit(5));
        CollectionAssert.AreEqual(a.Trees.SelectMany(t => t.LeafValue).ToArray(), b.Trees.SelectMany(t => t.LeafValue).ToArray());
        CollectionAssert.AreNotEqual(a.Trees.SelectMany(t => t.LeafValue).ToArray(), c.Trees.SelectMany(t => t.LeafValue).ToArray());
    }
}
