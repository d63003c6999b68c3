using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.MLNet.Trainers;
using Pipelines.Trainers.LinearModels;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>Whole pipelines ending in a learner, exported and run in ONNX Runtime, on the shipped data sets' held-out 25%.</summary>
[TestClass]
public sealed class LearnerParityTests
{
    [TestMethod]
    public void Breast_cancer_zscore_logistic_regression()
    {
        var (train, test) = LearnerData.Split("breast_cancer.csv", "diagnosis");
        var fitted = new ZScoreNormalize().Append(new LogisticRegression()).Fit(train);
        var model = LearnerParity.Assert(fitted, train, test);
        CollectionAssert.AreEqual(new[] { OnnxLearnerOutputs.PredictedLabel, OnnxLearnerOutputs.Probability }, model.Graph.Output.Select(o => o.Name).ToArray());
    }

    [TestMethod]
    public void Iris_softmax_regression_on_raw_features() => Fit("iris.csv", "species", new SoftmaxRegression());

    [TestMethod]
    public void Wine_zscore_softmax_regression() => Fit("wine.csv", "cultivar", new ZScoreNormalize().Append(new SoftmaxRegression()));

    [TestMethod]
    public void Wine_gbdt_multiclass() => Fit("wine.csv", "cultivar", new GbdtClassifier { Rounds = 30, Seed = 3 });

    [TestMethod]
    public void Breast_cancer_gbdt_binary() => Fit("breast_cancer.csv", "diagnosis", new GbdtClassifier { Rounds = 30, Seed = 3 });

    [TestMethod]
    public void Digits_gbdt_ten_classes() => Fit("digits.csv.gz", "digit", new GbdtClassifier { Rounds = 20, NumLeaves = 15, Seed = 3 });

    [TestMethod]
    public void Digits_softmax_regression() => Fit("digits.csv.gz", "digit", new SoftmaxRegression());

    [TestMethod]
    public void Messy_churn_impute_one_hot_zscore_logistic_regression() =>
        Fit("messy_churn.csv", "churned", new DropConstantColumns()
            .Append(new ImputeMissing())
            .Append(new OneHotEncode())
            .Append(new ZScoreNormalize())
            .Append(new LogisticRegression()));

    [TestMethod]
    public void Messy_churn_clip_gbdt_with_native_categorical_splits()
    {
        var (train, test) = LearnerData.Split("messy_churn.csv", "churned");
        var fitted = new ClipOutliers().Append(new GbdtClassifier { Rounds = 30, Seed = 3 }).Fit(train);
        var gbdt = (Trainers.Trees.Prediction.GbdtModel)((TransformerChain)fitted).Steps[^1];
        Assert.IsTrue(gbdt.Trees.Any(t => Enumerable.Range(0, t.NodeCount).Any(t.IsCategorical)), "the model has categorical splits to export");
        Assert.IsTrue(test.Features.Any(c => c.MissingCount() > 0), "the held-out rows have missing values");
        LearnerParity.Assert(fitted, train, test);
    }

    [TestMethod]
    public void Regression_linear_and_gbdt_scores_match()
    {
        var (train, test) = LearnerData.SplitRegression("wine.csv", "alcohol");
        LearnerParity.Assert(new OneHotEncode().Append(new LinearRegression()).Fit(train), train, test);
        LearnerParity.Assert(new GbdtRegressor { Rounds = 30, Seed = 3 }.Fit(train), train, test);
    }

    [TestMethod]
    public void MLNet_binary_learners_in_a_pipeline()
    {
        foreach (var learner in new IEstimator<ITransformer>[]
        {
            new LightGbmClassifier { NumberOfIterations = 30, Seed = 3 },
            new FastTreeClassifier { NumberOfTrees = 30, Seed = 3 },
            new FastForestClassifier { NumberOfTrees = 20, Seed = 3 },
            new ZScoreNormalize().Append(new LbfgsClassifier()),
            new ZScoreNormalize().Append(new SdcaClassifier { Seed = 3 }),
        })
        {
            Fit("breast_cancer.csv", "diagnosis", learner);
        }
    }

    [TestMethod]
    public void MLNet_multiclass_learners_in_a_pipeline()
    {
        Fit("wine.csv", "cultivar", new LightGbmClassifier { NumberOfIterations = 20, MinimumExampleCountPerLeaf = 5, Seed = 3 });
        Fit("wine.csv", "cultivar", new ZScoreNormalize().Append(new LbfgsClassifier()));
        Fit("wine.csv", "cultivar", new ZScoreNormalize().Append(new SdcaClassifier { Seed = 3 }));
    }

    [TestMethod]
    public void MLNet_regression_learners_in_a_pipeline()
    {
        var (train, test) = LearnerData.SplitRegression("wine.csv", "alcohol");
        LearnerParity.Assert(new OneHotEncode().Append(new LightGbmRegressor { NumberOfIterations = 30, Seed = 3 }).Fit(train), train, test);
        LearnerParity.Assert(new OneHotEncode().Append(new FastTreeRegressor { NumberOfTrees = 30, Seed = 3 }).Fit(train), train, test);
        LearnerParity.Assert(new OneHotEncode().Append(new FastForestRegressor { NumberOfTrees = 20, Seed = 3 }).Fit(train), train, test);
        LearnerParity.Assert(new OneHotEncode().Append(new ZScoreNormalize()).Append(new SdcaRegressor { Seed = 3 }).Fit(train), train, test);
    }

    [TestMethod]
    public void Messy_churn_one_hot_then_MLNet_learners_with_missing_values()
    {
        var (train, test) = LearnerData.Split("messy_churn.csv", "churned");
        Assert.IsTrue(test.Features.Any(c => c.MissingCount() > 0), "the held-out rows have missing values");
        // LightGbm learns where NaN goes; FastTree is trained on imputed rows and still meets NaN-free input here.
        LearnerParity.Assert(new DropConstantColumns().Append(new OneHotEncode()).Append(new LightGbmClassifier { NumberOfIterations = 30, Seed = 3 }).Fit(train), train, test);
        LearnerParity.Assert(new DropConstantColumns().Append(new ImputeMissing()).Append(new OneHotEncode()).Append(new FastTreeClassifier { NumberOfTrees = 30, Seed = 3 }).Fit(train), train, test);
    }

    private static void Fit(string file, string label, IEstimator<ITransformer> estimator)
    {
        var (train, test) = LearnerData.Split(file, label);
        LearnerParity.Assert(estimator.Fit(train), train, test);
    }
}
