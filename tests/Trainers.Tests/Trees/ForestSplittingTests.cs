using Pipelines.Data;
using Pipelines.Trainers.Trees.Forest;

namespace Pipelines.Trainers.Tests.Trees;

[TestClass]
public sealed class ForestSplittingTests
{
    [TestMethod]
    public void DepthOneTreeSplitsWhereTheGiniDecreaseIsLargest()
    {
        // x = 1..7, y = a a b a | b b b. Root Gini = 1 - (3/7)^2 - (4/7)^2 = 24/49. The cut x <= 4.5 leaves
        // {a a b a} (Gini 3/8) and {b b b} (0): decrease = 24/49 - (4/7)(3/8) = 27/98, the best of the six cuts
        // (x <= 2.5 gives 24/49 - (5/7)(8/25) = 0.2612; x <= 5.5 gives 0.1469).
        var data = new DataFrame(
            [new NumericColumn("x", [1, 2, 3, 4, 5, 6, 7]), CategoricalColumn.FromValues("y", ["a", "a", "b", "a", "b", "b", "b"])], label: "y");
        var model = new RandomForestClassifier { Trees = 1, MaxDepth = 1, Bootstrap = false, MaxFeatures = MaxFeatures.All }.Fit(data);
        var tree = model.Trees.Single();
        Assert.AreEqual(3, tree.NodeCount);
        Assert.AreEqual(4.5f, tree.Threshold[0]);
        Assert.AreEqual(27.0 / 98, model.MeanDecreaseImpurity[0], 1e-12);
        var p = model.LeafProbabilities[0];
        CollectionAssert.AreEqual(new[] { 0.75, 0.25 }, p[(tree.LeftChild[0] * 2)..((tree.LeftChild[0] * 2) + 2)]);
        CollectionAssert.AreEqual(new[] { 0.0, 1.0 }, p[(tree.RightChild[0] * 2)..((tree.RightChild[0] * 2) + 2)]);
        Assert.IsNull(model.OutOfBagScore, "no bootstrap, no out-of-bag score");
    }

    [TestMethod]
    public void RegressionSplitMaximizesTheVarianceReductionAndLeavesHoldMeans()
    {
        // y = 1 1 1 | 5 5 9: the cut between x = 3 and 4 leaves means 1 and 19/3. SSE decrease per row:
        // var(y) - (3/6) 0 - (3/6) var(5, 5, 9) = 80/9 - (1/2)(32/9) = 64/9.
        var data = new DataFrame([new NumericColumn("x", [1, 2, 3, 4, 5, 6]), new NumericColumn("y", [1, 1, 1, 5, 5, 9])], label: "y");
        var model = new RandomForestRegressor { Trees = 1, MaxDepth = 1, Bootstrap = false }.Fit(data);
        var tree = model.Trees.Single();
        Assert.AreEqual(3.5f, tree.Threshold[0]);
        Assert.AreEqual(1.0, tree.LeafValue[tree.LeftChild[0]], 1e-6);
        Assert.AreEqual(19.0 / 3, tree.LeafValue[tree.RightChild[0]], 1e-6);
        Assert.AreEqual(64.0 / 9, model.MeanDecreaseImpurity[0], 1e-9);
        Assert.AreEqual(0, model.LeafProbabilities.Count);
    }

    [TestMethod]
    public void FullyGrownTreeWithoutBootstrapFitsTheTrainingSetExactly()
    {
        var data = TreeData.ThreeClasses(300, 4);
        var model = new RandomForestClassifier { Trees = 1, Bootstrap = false, MaxFeatures = MaxFeatures.All }.Fit(data);
        Assert.AreEqual(1.0, ForestTestData.Accuracy(model, data));
        var p = model.LeafProbabilities[0];
        var tree = model.Trees[0];
        for (var i = 0; i < tree.NodeCount; i++)
        {
            if (tree.LeftChild[i] >= 0) continue;
            Assert.AreEqual(1.0, p[i * 3] + p[(i * 3) + 1] + p[(i * 3) + 2], 1e-9, "leaf shares sum to 1");
            Assert.AreEqual(1.0, p.AsSpan(i * 3, 3).ToArray().Max(), 1e-12, "grown to purity");
        }
    }

    [TestMethod]
    public void DepthLeafAndLeafSizeLimitsHold()
    {
        var data = TreeData.Binary(500, 4, seed: 2);
        var byDepth = new RandomForestClassifier { Trees = 5, MaxDepth = 3, Seed = 1 }.Fit(data);
        foreach (var tree in byDepth.Trees) Assert.IsTrue(Depth(tree, 0) <= 3);
        var byLeaves = new RandomForestClassifier { Trees = 5, MaxLeaves = 6, Seed = 1 }.Fit(data);
        foreach (var tree in byLeaves.Trees) Assert.IsTrue(tree.LeftChild.Count(c => c < 0) <= 6);
        Assert.IsTrue(byLeaves.Trees.Any(t => t.LeftChild.Count(c => c < 0) == 6));
        var bySize = new RandomForestRegressor { Trees = 3, MinSamplesLeaf = 40, Bootstrap = false, Seed = 1 }.Fit(ForestTestData.Regression(400, 1));
        foreach (var tree in bySize.Trees) Assert.IsTrue(tree.LeftChild.Count(c => c < 0) <= 10);
    }

    private static int Depth(Pipelines.Trainers.Trees.Prediction.RegressionTree tree, int node) =>
        tree.LeftChild[node] < 0 ? 0 : 1 + Math.Max(Depth(tree, tree.LeftChild[node]), Depth(tree, tree.RightChild[node]));
}
