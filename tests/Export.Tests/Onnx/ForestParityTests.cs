using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Proto;
using Pipelines.Trainers.Trees.Forest;
using Pipelines.Transforms.Cleaning;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>
/// Random forest and extra trees exported and run in ONNX Runtime on the shipped data sets' held-out 25%: labels
/// identical, probabilities within 1e-5 (scores within 1e-5 relative), and the graph passes onnx.checker full_check.
/// </summary>
[TestClass]
public sealed class ForestParityTests
{
    private const int Trees = 20;

    [TestMethod]
    public void Iris_random_forest() => Fit("iris.csv", "species", new RandomForestClassifier { Trees = Trees, Seed = 3 });

    [TestMethod]
    public void Iris_extra_trees_keep_only_the_classes_a_leaf_holds()
    {
        var model = Fit("iris.csv", "species", new ExtraTreesClassifier { Trees = Trees, Seed = 3 });
        var ensemble = model.Graph.Node.Single(n => n.OpType == "TreeEnsembleRegressor");
        var leaves = ensemble.Attribute.Single(a => a.Name == "nodes_modes").Strings.Count(m => m.ToStringUtf8() == "LEAF");
        var weights = ensemble.Attribute.Single(a => a.Name == "target_weights_as_tensor").T.DoubleData;
        Assert.IsFalse(weights.Any(w => w == 0), "a class a leaf never saw has no target weight");
        // Grown trees' leaves are mostly pure: far fewer weights than one per class per leaf.
        Assert.IsLessThan(leaves * 3 / 2, weights.Count, $"{weights.Count} weights for {leaves} leaves of 3 classes");
    }

    [TestMethod]
    public void Breast_cancer_random_forest_binary()
    {
        var model = Fit("breast_cancer.csv", "diagnosis", new RandomForestClassifier { Trees = Trees, Seed = 3 });
        var probability = model.Graph.Output.Single(o => o.Name == OnnxLearnerOutputs.Probability);
        Assert.AreEqual(2L, probability.Type.TensorType.Shape.Dim[1].DimValue, "a binary forest keeps both class columns");
        Assert.IsFalse(model.Graph.Node.Any(n => n.OpType is "Softmax" or "Sigmoid"), "forest probabilities come straight from the ensemble");
    }

    [TestMethod]
    public void Breast_cancer_extra_trees_binary() => Fit("breast_cancer.csv", "diagnosis", new ExtraTreesClassifier { Trees = Trees, Seed = 3 });

    [TestMethod]
    public void Wine_random_forest_and_extra_trees_regressors()
    {
        var (train, test) = LearnerData.SplitRegression("wine.csv", "alcohol");
        var forest = LearnerParity.Assert(new RandomForestRegressor { Trees = Trees, Seed = 3 }.Fit(train), train, test);
        CollectionAssert.AreEqual(new[] { OnnxLearnerOutputs.Score }, forest.Graph.Output.Select(o => o.Name).ToArray());
        LearnerParity.Assert(new ExtraTreesRegressor { Trees = Trees, Seed = 3 }.Fit(train), train, test);
    }

    [TestMethod]
    public void Messy_churn_clip_random_forest_with_categorical_splits_and_missing_values()
    {
        var (train, test) = ForestEdgeCases.Churn();
        var fitted = new ClipOutliers().Append(new RandomForestClassifier { Trees = Trees, Seed = 3 }).Fit(train);
        var forest = (ForestModel)((TransformerChain)fitted).Steps[^1];
        Assert.IsTrue(forest.Trees.Any(t => Enumerable.Range(0, t.NodeCount).Any(t.IsCategorical)), "the model has categorical splits to export");
        Assert.IsTrue(test.Features.Any(c => c.Kind == ColumnKind.Numeric && c.MissingCount() > 0), "the held-out rows have missing numbers");
        Assert.IsTrue(test.Features.Any(c => c.Kind == ColumnKind.Categorical && c.MissingCount() > 0), "the held-out rows have missing categories");
        LearnerParity.Assert(fitted, train, test);
    }

    private static ModelProto Fit(string file, string label, IEstimator<ITransformer> estimator)
    {
        var (train, test) = LearnerData.Split(file, label);
        return LearnerParity.Assert(estimator.Fit(train), train, test);
    }
}
