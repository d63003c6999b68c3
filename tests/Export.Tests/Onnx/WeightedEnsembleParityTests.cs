using Pipelines.Core;
using Pipelines.Ensembles;
using Pipelines.Export.Onnx;
using Pipelines.Persistence;
using Pipelines.Trainers.LinearModels;
using Pipelines.Trainers.Trees;
using Pipelines.Transforms.Cleaning;
using Pipelines.Transforms.Encoding;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>
/// Weighted ensembles of whole member chains, exported as one graph (each member converted in its own branch from the
/// same inputs), checked by onnx.checker and run in ONNX Runtime: labels identical, probabilities within 1e-5.
/// </summary>
[TestClass]
public sealed class WeightedEnsembleParityTests
{
    [TestMethod]
    public void Messy_churn_gbdt_with_one_hot_and_imputed_scaled_logistic_regression()
    {
        var (train, test) = LearnerData.Split("messy_churn.csv", "churned");
        // Both members one-hot encode the same raw columns into columns of the same names.
        var gbdt = new OneHotEncode(MaxCategories: 8).Append(new GbdtClassifier { Rounds = 20, Seed = 3 }).Fit(train);
        var linear = new DropConstantColumns().Append(new ImputeMissing()).Append(new OneHotEncode(MaxCategories: 8))
            .Append(new ZScoreNormalize()).Append(new LogisticRegression()).Fit(train);
        var ensemble = WeightedEnsemble.Create([gbdt, linear], [0.6, 0.4], train.Schema);

        var model = LearnerParity.Assert(ensemble, train, test);

        CollectionAssert.AreEqual(new[] { OnnxLearnerOutputs.PredictedLabel, OnnxLearnerOutputs.Probability }, model.Graph.Output.Select(o => o.Name).ToArray());
        CollectionAssert.AreEquivalent(
            train.Features.Select(c => c.Name).ToArray(), model.Graph.Input.Select(i => i.Name).ToArray(), "one input per raw column, shared by the members");
        Assert.IsGreaterThan(0, test.Features.Sum(c => c.MissingCount()), "the held-out rows have missing values");
    }

    [TestMethod]
    public void Iris_ensemble_after_a_shared_step_round_trips_through_a_pipeline_file()
    {
        var (train, test) = LearnerData.Split("iris.csv", "species");
        var shared = new ClipOutliers().Fit(train);
        var clipped = shared.Transform(train);
        ITransformer[] members =
        [
            new GbdtClassifier { Rounds = 15, Seed = 3 }.Fit(clipped),
            new ZScoreNormalize().Append(new SoftmaxRegression()).Fit(clipped),
            new SoftmaxRegression().Fit(clipped),
        ];
        var pipeline = new TransformerChain([shared, WeightedEnsemble.Create(members, [0.5, 0.25, 0.25], clipped.Schema)]);

        var path = Path.Combine(Path.GetTempPath(), $"ensemble-{Guid.NewGuid():N}.pipeline");
        try
        {
            PipelineFile.Save(path, pipeline, train.Schema);
            var loaded = PipelineFile.Load(path).Model;
            var expected = pipeline.Transform(test);
            var actual = loaded.Transform(test);
            Assert.IsTrue(expected.ContentEquals(actual), "the loaded pipeline predicts exactly as the saved one");
            LearnerParity.Assert(loaded, train, test);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Wine_regression_averages_scores()
    {
        var (train, test) = LearnerData.SplitRegression("wine.csv", "alcohol");
        var linear = new OneHotEncode().Append(new ZScoreNormalize()).Append(new LinearRegression()).Fit(train);
        var gbdt = new GbdtRegressor { Rounds = 30, Seed = 3 }.Fit(train);
        var model = LearnerParity.Assert(WeightedEnsemble.Create([linear, gbdt], [0.3, 0.7], train.Schema), train, test);
        CollectionAssert.AreEqual(new[] { OnnxLearnerOutputs.Score }, model.Graph.Output.Select(o => o.Name).ToArray());
    }

    [TestMethod]
    public void One_member_exports_as_that_member()
    {
        var (train, test) = LearnerData.Split("breast_cancer.csv", "diagnosis");
        var member = new ZScoreNormalize().Append(new LogisticRegression()).Fit(train);
        LearnerParity.Assert(WeightedEnsemble.Create([member], [1.0], train.Schema), train, test);
    }
}
