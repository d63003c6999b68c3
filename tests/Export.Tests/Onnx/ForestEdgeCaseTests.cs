using Pipelines.Data;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.Export.Tests.Onnx;

/// <summary>
/// Forest export on the rows where ONNX semantics could drift from the in-process evaluator: values exactly on split
/// thresholds (x &lt;= t goes left), NaN and missing categories (the learned direction), categories never seen in
/// training (go right). The models are fitted on data with missing values so both missing directions occur.
/// </summary>
[TestClass]
public sealed class ForestEdgeCaseTests
{
    [TestMethod]
    public void Random_forest_on_churn_splits_edges_as_in_process()
    {
        var (train, test) = ForestEdgeCases.Churn();
        var model = new RandomForestClassifier { Trees = 20, Seed = 5 }.Fit(train);
        AssertBothMissingDirections(model);
        Assert.IsTrue(model.Trees.Any(t => Enumerable.Range(0, t.NodeCount).Any(t.IsCategorical)), "the model has categorical splits");
        LearnerParity.Assert(model, train, ForestEdgeCases.Edge(model, test), check: false);
    }

    [TestMethod]
    public void Extra_trees_on_churn_splits_edges_as_in_process()
    {
        var (train, test) = ForestEdgeCases.Churn();
        var model = new ExtraTreesClassifier { Trees = 20, Seed = 5 }.Fit(train);
        AssertBothMissingDirections(model);
        LearnerParity.Assert(model, train, ForestEdgeCases.Edge(model, test), check: false);
    }

    [TestMethod]
    public void Random_forest_regressor_on_churn_splits_edges_as_in_process()
    {
        var (train, test) = ForestEdgeCases.Churn("monthly_charges");
        var model = new RandomForestRegressor { Trees = 20, Seed = 5 }.Fit(train);
        AssertBothMissingDirections(model);
        LearnerParity.Assert(model, train, ForestEdgeCases.Edge(model, test), check: false);
    }

    private static void AssertBothMissingDirections(ForestModel model)
    {
        Assert.IsTrue(ForestEdgeCases.SendsMissing(model, left: true), "some split sends missing values left");
        Assert.IsTrue(ForestEdgeCases.SendsMissing(model, left: false), "some split sends missing values right");
    }
}
